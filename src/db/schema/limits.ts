import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Spent budgets per key and window (a client address's signups for other people's
 * addresses), in the database so the count holds across processes and Workers isolates.
 */
export const rateBudgets = sqliteTable("rate_budgets", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  used: integer("used").notNull(),
});
