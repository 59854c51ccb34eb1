import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullName, personNames, splitFullName, withPersonNames } from "../src/domain/personNames";
import { registrationInput } from "../src/domain/schemas";
import { zodFieldErrors } from "../src/lib/zodIssues";
import { migrateDatabase } from "../src/runtime/node/database";
import { databaseBefore, type TestDatabase } from "./helpers/db";

// migrations/0015_person_names.sql on a database that already holds registrations: each
// stored name gets the first and last name the domain's split gives it.
let database: TestDatabase;
beforeAll(async () => {
  database = await databaseBefore("0015_person_names");
});
afterAll(() => database?.destroy());

const stored = ["Anna Svensson", "Anna Maria Svensson-Ek", "Cher", "Øystein Ås", "Zoë Þórsdóttir", "", "Per  Olof  Ek"];

describe("0015_person_names on existing registrations", () => {
  it("splits every stored name as the domain does: the last word is the last name", async () => {
    const { db } = database;
    await db.run(sql`INSERT INTO organisations (id, slug, name, created_at) VALUES ('org_n', 'n', 'N', 0)`);
    await db.run(sql`INSERT INTO events (id, org_id, slug, title, starts_at, ends_at, timezone, capacity, waitlist, language, status, questions, created_at, updated_at, group_limit)
                     VALUES ('evt_n', 'org_n', 'n', 'N', 0, 1, 'Europe/Stockholm', 10, 1, 'sv', 'published', '[]', 0, 0, 5)`);
    for (const [i, name] of stored.entries())
      await db.run(sql`INSERT INTO registrations (id, event_id, name, email, email_key, language, answers, status, created_at)
                       VALUES (${`reg_n${i}`}, 'evt_n', ${name}, ${`n${i}@x.se`}, ${`n${i}@x.se`}, 'sv', '{}', 'confirmed', 0)`);

    await migrateDatabase(db);

    const rows = await db.all<{ name: string; first_name: string; last_name: string }>(sql`SELECT name, first_name, last_name FROM registrations ORDER BY seq`);
    expect(rows.map((r) => r.name)).toEqual(stored);
    // Runs of spaces inside the first name are kept as stored; the domain joins with one.
    expect(rows.map((r) => ({ firstName: r.first_name.replace(/ +/g, " "), lastName: r.last_name }))).toEqual(stored.map(splitFullName));
    expect(rows[1]).toMatchObject({ first_name: "Anna Maria", last_name: "Svensson-Ek" });
    expect(rows[2]).toMatchObject({ first_name: "Cher", last_name: "" });
  });
});

describe("a person's names", () => {
  it("are split from one field, joined from two, and never both at once", () => {
    expect(splitFullName("  Anna   Lind ")).toEqual({ firstName: "Anna", lastName: "Lind" });
    expect(fullName(" Anna ", " Lind ")).toBe("Anna Lind");
    expect(personNames({ name: "Bo Berg" })).toEqual({ name: "Bo Berg", firstName: "Bo", lastName: "Berg" });
    expect(personNames({ name: "Bo Berg", firstName: "Bo", lastName: "Berg" })).toEqual({ name: "Bo Berg", firstName: "Bo", lastName: "Berg" });
    const parse = (v: object) => registrationInput.safeParse({ email: "a@x.se", ...v });
    expect(parse({ firstName: " Åsa ", lastName: "Öberg" }).data).toMatchObject({ name: "Åsa Öberg", firstName: "Åsa", lastName: "Öberg" });
    expect(parse({ name: "Åsa Öberg" }).data).toMatchObject({ name: "Åsa Öberg", firstName: "Åsa", lastName: "Öberg" });
    const issues = (v: object) => zodFieldErrors(parse(v).error!);
    expect(issues({})).toEqual({ firstName: { code: "required" }, lastName: { code: "required" } });
    expect(issues({ firstName: "Åsa" })).toEqual({ lastName: { code: "required" } });
    expect(issues({ name: "Åsa Öberg", firstName: "Åsa" })).toEqual({ firstName: { code: "unknown_field" } });
    // The wrapper keeps the fields it does not know about.
    expect(withPersonNames(registrationInput.in).safeParse({ name: "A B", email: "a@x.se" }).success).toBe(true);
  });
});
