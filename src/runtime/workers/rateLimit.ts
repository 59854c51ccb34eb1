import type { RateLimit } from "@cloudflare/workers-types";
import type { Budget } from "../../domain/limits";

/** The `simple.period` of the SIGNUP_LIMITER binding in wrangler.toml, in seconds. */
export const LIMITER_PERIOD_SECONDS = 60;

/**
 * The people budget through Cloudflare's Rate Limiting binding: one count per client
 * address shared by every isolate in a location, where the in-memory budget counts per
 * isolate. Its limit and period live in wrangler.toml. The binding counts one per call
 * and cannot take a count back, so a group of n is n calls, stopping at the first
 * refusal: what was counted before it stays spent (a refused group of six with four left
 * uses up the four). It says nothing of when the window ends, so Retry-After is the
 * period.
 */
export function bindingBudget(binding: RateLimit): Budget {
  return {
    async charge(key, units) {
      for (let i = 0; i < units; i++) {
        const { success } = await binding.limit({ key });
        if (!success) return { ok: false, retryAfterSeconds: LIMITER_PERIOD_SECONDS };
      }
      return { ok: true };
    },
  };
}
