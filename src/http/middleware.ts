import { bearerAuth } from "hono/bearer-auth";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { rateLimiter } from "hono-rate-limiter";
import { AppError } from "../lib/errors";
import type { Actor } from "../services/audit";
import { authenticateApiToken } from "../services/organisations";
import type { AppContext, AppEnv } from "./env";

export const MAX_BODY_BYTES = 64 * 1024;

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new AppError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
  },
});

/** A body that is not declared as JSON is refused clearly instead of read as empty. */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const hasBody = c.req.header("content-length") !== "0" && (c.req.header("content-length") || c.req.header("transfer-encoding"));
  const type = c.req.header("content-type") ?? "";
  if (hasBody && !/^application\/([\w.+-]+\+)?json\b/i.test(type))
    throw new AppError("invalid_request", "Send the body as JSON with Content-Type: application/json.");
  await next();
});

const bearer = (optional: boolean) => {
  const check = bearerAuth({
    verifyToken: async (token, c: AppContext) => {
      const org = await authenticateApiToken(c.var.ctx, token);
      if (org) c.set("org", org);
      return org !== null;
    },
  });
  return createMiddleware<AppEnv>((c, next) => {
    const header = c.req.header("authorization");
    if (optional && !header) return next();
    // bearerAuth answers a malformed header with 400; to a client it is the same
    // mistake as a wrong token.
    if (header && !/^Bearer [A-Za-z0-9._~+/-]+=*$/i.test(header))
      throw new AppError("unauthorized", "Send a valid API token as 'Authorization: Bearer <token>'.");
    return check(c, next);
  });
};

/** Who the audit log names for a change made with an API token. */
export const apiActor = (c: AppContext): Actor => ({ orgId: c.var.org.id, id: null, email: "API token" });

/** Organiser routes: a valid API token is required and names the organisation. */
export const requireOrganiser = bearer(false);
/** Public routes that show more to the owning organisation. */
export const optionalOrganiser = bearer(true);

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** The caller's address as the runtime sees it; undefined when unknown. */
  clientIp: (c: AppContext) => string | undefined;
}

/**
 * Per-address limit on public writes, with Retry-After. Thrown, so the API answers in
 * the one error shape and the pages with a page of their own.
 */
export const limitRate = ({ limit, windowMs, clientIp }: RateLimitOptions) =>
  rateLimiter<AppEnv>({
    windowMs,
    limit,
    keyGenerator: (c) => clientIp(c) ?? "unknown",
    handler: () => {
      throw new AppError("rate_limited", "Too many requests from your address. Try again shortly.");
    },
  });
