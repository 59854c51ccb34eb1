import type { MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { RateLimit } from "@cloudflare/workers-types";
import type { AppContext, AppEnv } from "../../http/env";
import { AppError } from "../../lib/errors";

/** The `simple.period` of the SIGNUP_LIMITER binding in wrangler.toml, in seconds. */
export const LIMITER_PERIOD_SECONDS = 60;

/**
 * The signup limit through Cloudflare's Rate Limiting binding: one count per client
 * address shared by every isolate in a location, where the in-memory limiter counts per
 * isolate. Its limit and period live in wrangler.toml. The answer is the same as the
 * in-memory limiter's: 429 `rate_limited` with Retry-After.
 */
export function bindingLimiter(binding: RateLimit, clientIp: (c: AppContext) => string | undefined): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    binding,
    keyGenerator: (c) => clientIp(c) ?? "unknown",
    handler: (c) => {
      c.header("Retry-After", String(LIMITER_PERIOD_SECONDS));
      throw new AppError("rate_limited");
    },
  });
}
