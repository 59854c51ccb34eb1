import { MemoryStore } from "hono-rate-limiter";
import type { Budget, BudgetLimit } from "../domain/limits";
import { signupCost } from "../domain/signup";
import { AppError } from "../lib/errors";
import type { AppContext, AppEnv } from "./env";

/** The two per-address limits on public signups, shared by the API and the web form. */
export interface SignupLimits {
  /** People registered per window; null: no limit. */
  people: Budget | null;
  /** Addresses other than the submitter's per window; null: no limit. */
  otherAddresses: Budget | null;
  /** The caller's address as the runtime sees it; undefined when unknown. */
  clientIp: (c: AppContext) => string | undefined;
}

/**
 * Spends a signup's cost from its client's budgets, once the body is read (so the group
 * size is known) and before anything is written. A refusal is thrown with Retry-After, so
 * the API answers 429 in the one error shape and the pages with a page of their own.
 * People are charged first: that budget is in memory or a binding, and a flood stops
 * there before it costs a database write.
 */
export async function chargeSignup(c: AppContext, limits: SignupLimits, attendees: { email: string }[]) {
  const key = limits.clientIp(c) ?? "unknown";
  const cost = signupCost(attendees);
  const spend = async (budget: Budget | null, units: number, reason: "rate_limited" | "too_many_other_addresses") => {
    const charged = budget ? await budget.charge(key, units) : { ok: true as const };
    if (charged.ok) return;
    c.header("Retry-After", String(charged.retryAfterSeconds));
    throw new AppError(reason);
  };
  await spend(limits.people, cost.people, "rate_limited");
  await spend(limits.otherAddresses, cost.otherAddresses, "too_many_other_addresses");
}

/**
 * A fixed-window budget in this process's memory, on hono-rate-limiter's MemoryStore:
 * its counts expire with their window (a timer drops keys idle for a whole window), so
 * memory does not grow with every address ever seen. A charge that does not fit is
 * taken back, so a refused group does not use up what a smaller one could still spend.
 */
export function memoryBudget({ limit, windowMs }: BudgetLimit): Budget {
  let store: MemoryStore<AppEnv> | undefined;
  return {
    async charge(key, units) {
      if (units <= 0) return { ok: true };
      if (!store) {
        // Made on first use: the store starts a timer, which workerd forbids outside a request.
        store = new MemoryStore<AppEnv>();
        store.init({ windowMs } as Parameters<MemoryStore<AppEnv>["init"]>[0]);
      }
      let info = store.increment(key);
      for (let i = 1; i < units; i++) info = store.increment(key);
      if (info.totalHits <= limit) return { ok: true };
      for (let i = 0; i < units; i++) store.decrement(key);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((info.resetTime!.getTime() - Date.now()) / 1000)) };
    },
  };
}
