import { eq, sql } from "drizzle-orm";
import { changedRows } from "../../db/client";
import { rateBudgets } from "../../db/schema";
import { sha256Hex } from "../../lib/secrets";
import type { ServiceContext } from "../context";

/** The answer to a charge: spent, or refused with how long until the budget allows it. */
export type Charge = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A number of units a key (a client address) may spend per window. Unlike a request
 * limiter, one charge can spend several units: a group signup spends one per person.
 * A refused charge spends nothing that the caller can rely on (a Rate Limiting binding
 * keeps what it counted before refusing).
 */
export interface Budget {
  charge(key: string, units: number): Promise<Charge>;
}

export interface BudgetLimit {
  limit: number;
  windowMs: number;
}

const refusedFor = (ms: number): Charge => ({ ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) });

/**
 * A fixed-window budget kept in the database: one count per key for every process and
 * Workers isolate, in windows longer than a Rate Limiting binding allows (10 or 60 s).
 * Spending is one conditional upsert, so charges sent together are counted one after the
 * other. The key is stored hashed, so client addresses are not kept readable; the
 * retention run removes windows that ended.
 */
export function databaseBudget(ctx: ServiceContext, name: string, { limit, windowMs }: BudgetLimit): Budget {
  return {
    async charge(key, units) {
      if (units <= 0) return { ok: true };
      if (units > limit) return refusedFor(windowMs);
      const now = ctx.now().getTime();
      const hashed = `${name}:${sha256Hex(key)}`;
      const ended = now - windowMs;
      const spent = await ctx.db.run(sql`
        INSERT INTO rate_budgets (key, window_start, used) VALUES (${hashed}, ${now}, ${units})
        ON CONFLICT (key) DO UPDATE SET
          used = CASE WHEN window_start <= ${ended} THEN excluded.used ELSE used + excluded.used END,
          window_start = CASE WHEN window_start <= ${ended} THEN excluded.window_start ELSE window_start END
        WHERE window_start <= ${ended} OR used + excluded.used <= ${limit}`);
      if (changedRows(spent) > 0) return { ok: true };
      const [row] = await ctx.db.select({ windowStart: rateBudgets.windowStart }).from(rateBudgets).where(eq(rateBudgets.key, hashed));
      return refusedFor(row ? row.windowStart.getTime() + windowMs - now : windowMs);
    },
  };
}

/** Windows ended this long ago are of no use to any budget (the longest window is an hour). */
export const BUDGETS_KEPT_MS = 24 * 3_600_000;
