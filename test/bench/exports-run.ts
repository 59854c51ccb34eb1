// The exports half of the bench: an event with a long attendance list, and organisers
// downloading it as XLSX over and over while a crowd signs up elsewhere (issue 12: the
// downloads used to be zipped on the event loop, and every signup waited behind them).
import { sql } from "drizzle-orm";
import { openDatabase } from "../../src/runtime/node/database";
import { createEvent } from "./crowd";

export const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 5000);
export const DOWNLOADERS = 4;

/** An event of the bench's organisation with EXPORT_ROWS registrations, written straight into its database. */
export async function seedExportEvent(url: string, token: string, databaseUrl: string): Promise<string> {
  const eventId = await createEvent(url, token, "Stor konferens (exports)");
  const database = await openDatabase(databaseUrl);
  try {
    const t = Date.now();
    await database.db.run(sql`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EXPORT_ROWS})
      INSERT INTO registrations (id, event_id, name, email, email_key, organisation, phone, language, answers, status, created_at, confirmed_at)
      SELECT 'reg_export' || i, ${eventId}, 'Deltagare ' || i, 'x' || i || '@example.se', 'x' || i || '@example.se',
             'Företag ' || (i % 97) || ' AB', '+46 70 123 45 67', 'sv', '{}', 'confirmed', ${t} + i, ${t} + i
      FROM n`);
  } finally {
    database.close();
  }
  return eventId;
}

export interface Downloads {
  started: number;
  done: number;
  failed: string[];
  /** Wall time of each finished download, in ms. */
  times: number[];
}

/**
 * DOWNLOADERS organisers, each downloading the list as XLSX through the API again as
 * soon as the last one arrived, until `stop` (which waits for the downloads under way).
 */
export function downloadWhile(url: string, token: string, eventId: string) {
  const figures: Downloads = { started: 0, done: 0, failed: [], times: [] };
  let stopping = false;
  const organiser = async () => {
    while (!stopping) {
      figures.started++;
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/events/${eventId}/registrations.xlsx`, { headers: { authorization: `Bearer ${token}` } });
      const bytes = await res.arrayBuffer();
      if (res.status !== 200 || bytes.byteLength < 100_000) figures.failed.push(`${res.status} (${bytes.byteLength} bytes)`);
      else figures.times.push(performance.now() - started);
      figures.done++;
    }
  };
  const running = Array.from({ length: DOWNLOADERS }, organiser);
  return {
    async stop() {
      stopping = true;
      await Promise.all(running);
      return figures;
    },
  };
}
