import { sql } from "drizzle-orm";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, migrationsFolder, openDatabase, type NodeDatabase } from "../../src/runtime/node/database";
import { registrationSearchText } from "../../src/domain/registrations";

export interface TestDatabase extends NodeDatabase {
  url: string;
  dir: string;
  destroy(): void;
}

/** A fresh, migrated libSQL file database in its own temp folder. */
export async function freshDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "plats-test-"));
  const url = `file:${join(dir, "plats.db")}`;
  const database = await openDatabase(url);
  await migrateDatabase(database.db);
  return {
    ...database,
    url,
    dir,
    destroy() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Events whose tallies (what the seat decision reads) differ from their registrations'
 * own counts (confirmed, waitlisted, and seats held for an offer): none, after any mix of writes.
 */
export function talliesDrift(db: NodeDatabase["db"]) {
  return db.all(sql`
    SELECT e.id, coalesce(t.confirmed, 0) AS tally_confirmed, coalesce(t.waitlisted, 0) AS tally_waitlisted,
           coalesce(t.offered, 0) AS tally_offered,
           (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS confirmed,
           (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waitlisted,
           (SELECT count(*) FROM registrations r WHERE r.event_id = e.id AND r.status = 'offered') AS offered
    FROM events e LEFT JOIN event_tallies t ON t.event_id = e.id
    WHERE tally_confirmed <> confirmed OR tally_waitlisted <> waitlisted OR tally_offered <> offered`);
}

/**
 * Registrations whose stored search text is not what the domain's rule makes of their
 * name, organisation and email: none, after any mix of writes (a write path that forgot
 * it would hide the person from the attendance list's search).
 */
export async function searchTextDrift(db: NodeDatabase["db"]) {
  const rows = await db.all<{ id: string; name: string; organisation: string | null; email: string; search_text: string }>(
    sql`SELECT id, name, organisation, email, search_text FROM registrations`,
  );
  return rows.filter((r) => r.search_text !== registrationSearchText(r));
}

/**
 * A database migrated up to, not including, migration `tag` (e.g. "0015_person_names"),
 * for a test that fills it as it was then and runs the rest on it.
 */
export async function databaseBefore(tag: string): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "plats-migration-"));
  const before = join(dir, "migrations");
  cpSync(migrationsFolder, before, { recursive: true });
  const journalPath = join(before, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { idx: number; tag: string }[] };
  const upTo = journal.entries.find((e) => e.tag === tag)?.idx;
  if (upTo === undefined) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.filter((e) => e.idx < upTo);
  writeFileSync(journalPath, JSON.stringify(journal));
  const url = `file:${join(dir, "plats.db")}`;
  const database = await openDatabase(url);
  await migrate(database.db as unknown as LibSQLDatabase, { migrationsFolder: before });
  return {
    ...database,
    url,
    dir,
    destroy() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
