import { bearerAuth } from "hono/bearer-auth";
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import { AppError } from "../lib/errors";
import type { Actor } from "../domain/audit";
import { authenticateApiToken, tokenActor } from "../domain/organisations";
import type { AppContext, AppEnv } from "./env";

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = (max: number) => new AppError("payload_too_large", { kib: max / 1024 });

// How much of a refused body is read and thrown away before answering; past this the
// stream is cancelled (a client sending that much is not one we need to keep).
const DISCARD_LIMIT = 4 * 1024 * 1024;

/** Reads the rest of a refused body without keeping it, so the connection stays usable. */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>) {
  let discarded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    discarded += value.length;
    if (discarded > DISCARD_LIMIT) return reader.cancel().catch(() => {});
  }
}

/**
 * Refuses bodies over `max` bytes (64 KiB unless a route takes files). hono's bodyLimit
 * does the same, but on a body without a declared length it answers while the rest is still unread: workerd then spoils the
 * connection for the next request (under wrangler dev the next POST got a 503, and
 * cancelling the stream did not help). Here the rest is read and thrown away first.
 */
export const limitBodyTo = (max: number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.header("content-length");
    if (declared !== undefined && !c.req.header("transfer-encoding")) {
      if (Number(declared) > max) throw tooLarge(max);
      return next();
    }
    const reader = body.getReader();
    const buffer = new Uint8Array(max);
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.length > max) {
        await discardRest(reader);
        throw tooLarge(max);
      }
      buffer.set(value, size);
      size += value.length;
    }
    c.req.raw = new Request(c.req.raw, { body: buffer.subarray(0, size) });
    await next();
  });

export const limitBody = limitBodyTo(MAX_BODY_BYTES);

/** A body that is not declared as JSON is refused clearly instead of read as empty. */
export const requireJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const hasBody = c.req.header("content-length") !== "0" && (c.req.header("content-length") || c.req.header("transfer-encoding"));
  const type = c.req.header("content-type") ?? "";
  if (hasBody && !/^application\/([\w.+-]+\+)?json\b/i.test(type))
    throw new AppError("json_required");
  await next();
});

const bearer = (optional: boolean) => {
  const check = bearerAuth({
    verifyToken: async (token, c: AppContext) => {
      const found = await authenticateApiToken(c.var.ctx, token);
      if (found) {
        c.set("org", found.org);
        c.set("apiToken", found.token);
      }
      return found !== null;
    },
  });
  return createMiddleware<AppEnv>((c, next) => {
    const header = c.req.header("authorization");
    if (optional && !header) return next();
    // bearerAuth answers a malformed header with 400; to a client it is the same
    // mistake as a wrong token.
    if (header && !/^Bearer [A-Za-z0-9._~+/-]+=*$/i.test(header))
      throw new AppError("unauthorized");
    return check(c, next);
  });
};

/** Who the audit log names for a change made with an API token. */
export const apiActor = (c: AppContext): Actor => tokenActor(c.var.org.id, c.var.apiToken);

/** Organiser routes: a valid API token is required and names the organisation. */
export const requireOrganiser = bearer(false);
/** Public routes that show more to the owning organisation. */
export const optionalOrganiser = bearer(true);

/** The response header by which a refusal says it still queued mail (see `mailQueuedDespiteRefusal`). */
export const MAIL_QUEUED_HEADER = "X-Plats-Mail-Queued";

/**
 * A repeated signup is refused (409 already_registered) but has queued the manage link
 * again in its batch: the response says so, so that the Worker sends it within seconds
 * as it does after a success, instead of at the next cron minute.
 */
export function mailQueuedDespiteRefusal(c: Context, err: unknown) {
  if (err instanceof AppError && err.code === "already_registered") c.header(MAIL_QUEUED_HEADER, "1");
}

/** The response as the client gets it: without the app's note to its runtime. */
export function forClient(response: Response): Response {
  if (!response.headers.has(MAIL_QUEUED_HEADER)) return response;
  const answer = new Response(response.body, response);
  answer.headers.delete(MAIL_QUEUED_HEADER);
  return answer;
}
