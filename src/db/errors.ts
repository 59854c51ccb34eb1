/** Whether a failed write broke SQLite constraint `kind` with `detail` in its message. */
function failed(err: unknown, kind: string, detail: string): boolean {
  // libSQL and D1 both report SQLite's message; drizzle wraps it as the cause.
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e.message.includes(`${kind} constraint failed`) && e.message.includes(detail)) return true;
  }
  return false;
}

/** A UNIQUE constraint on these columns ("t.a, t.b") was broken. */
export const isUniqueViolation = (err: unknown, columns: string) => failed(err, "UNIQUE", columns);

/** The named CHECK constraint was broken. */
export const isCheckViolation = (err: unknown, name: string) => failed(err, "CHECK", name);
