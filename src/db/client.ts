import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type * as schema from "./schema";

/**
 * The database as services see it. Both runtimes hand over a drizzle SQLite database
 * with `batch()`: libSQL on Node, D1 on Workers. Their query builders are the same
 * code, so one type serves; the D1 entry narrows to it once (see src/worker.ts).
 */
export type Db = LibSQLDatabase<typeof schema>;
