/**
 * Whether a failed write broke a UNIQUE constraint on the given columns. libSQL and D1
 * both report SQLite's message ("UNIQUE constraint failed: t.a, t.b"); drizzle wraps it
 * as the cause, so the whole chain is searched.
 */
export function isUniqueViolation(err: unknown, columns: string): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes("UNIQUE constraint failed") && e.message.includes(columns)) return true;
  }
  return false;
}
