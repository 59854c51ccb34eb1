import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registrationSearchText } from "../src/domain/registrations";
import { migrateDatabase } from "../src/runtime/node/database";
import { databaseBefore, type TestDatabase } from "./helpers/db";
import { searchWords } from "../src/lib/searchText";

// migrations/0009_search_text.sql on a database that already holds registrations: the
// rows written before it get the search text the domain would have written, as far as
// plain SQL can fold (every letter of Latin-1 and Latin Extended-A, and ș, ț).
let database: TestDatabase;
beforeAll(async () => {
  database = await databaseBefore("0009_search_text");
});
afterAll(() => database?.destroy());

const latinLetters = () => {
  const letters: string[] = [];
  for (let cp = 0xc0; cp <= 0x17f; cp++) letters.push(String.fromCodePoint(cp));
  for (let cp = 0x218; cp <= 0x21b; cp++) letters.push(String.fromCodePoint(cp));
  return letters.join("");
};

describe("0009_search_text on existing registrations", () => {
  const people = [
    { id: "reg_m1", name: "Ørjan Söderström", organisation: "Öresund Verktyg AB", email: "Orjan@Example.se" },
    { id: "reg_m2", name: "ÆSA ÅBERG-ŁUKASZ", organisation: null, email: "asa@example.se" },
    { id: "reg_m3", name: "Zoë Þórsdóttir Straße", organisation: "", email: "zoe@example.is" },
    { id: "reg_m4", name: `Every letter ${latinLetters()}`, organisation: "Ştefan & Čapek Œuvre", email: "x@example.se" },
    // Anonymised by retention before the migration: nothing to find.
    { id: "reg_m5", name: "", organisation: null, email: "" },
  ];

  it("gives every row the search text the domain writes", async () => {
    const { db } = database;
    await db.run(sql`INSERT INTO organisations (id, slug, name, created_at) VALUES ('org_m', 'm', 'M', 0)`);
    await db.run(sql`INSERT INTO events (id, org_id, slug, title, starts_at, ends_at, timezone, capacity, waitlist, language, status, questions, created_at, updated_at, group_limit)
                     VALUES ('evt_m', 'org_m', 'm', 'M', 0, 1, 'Europe/Stockholm', 10, 1, 'sv', 'published', '[]', 0, 0, 5)`);
    for (const p of people)
      await db.run(sql`INSERT INTO registrations (id, event_id, name, email, email_key, organisation, language, answers, status, created_at)
                       VALUES (${p.id}, 'evt_m', ${p.name}, ${p.email}, ${p.email ? p.email.toLowerCase() : `anon:${p.id}`}, ${p.organisation}, 'sv', '{}', 'confirmed', 0)`);

    await migrateDatabase(db);

    const rows = await db.all<{ id: string; search_text: string }>(sql`SELECT id, search_text FROM registrations ORDER BY seq`);
    expect(rows).toEqual(people.map((p) => ({ id: p.id, search_text: registrationSearchText(p) })));
    expect(rows[0]!.search_text).toBe("orjan soderstrom oresund verktyg ab orjan@example.se");
    expect(rows[4]!.search_text).toBe("");
    // What an organiser types finds them: every word, folded as the list folds it.
    for (const [q, id] of [["orjan SODER", "reg_m1"], ["aberg lukasz", "reg_m2"], ["thorsdottir strasse", "reg_m3"], ["stefan capek oeuvre", "reg_m4"]] as const) {
      const found = await db.all<{ id: string }>(sql`SELECT id FROM registrations WHERE ${sql.join(
        searchWords(q).map((w) => sql`instr(search_text, ${w}) > 0`),
        sql` AND `,
      )}`);
      expect(found.map((r) => r.id), q).toEqual([id]);
    }
  });
});
