import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { fill } from "../../../i18n/messages";
import { AppError } from "../../../lib/errors";
import { loggablePath } from "../../errors";
import { pageLanguage } from "../language";
import { Layout, pageInfo, renderPage } from "../layout";

type Kind = "notFound" | "rateLimited" | "forbidden" | "tooLarge" | "closedTitle" | "serverError";

/** One page for every refusal a person can meet on the attendee side, in their language. */
export function errorPage(c: Context, kind: Kind, status: 403 | 404 | 409 | 413 | 429 | 500, detail?: { seconds?: string; id?: string }) {
  const page = pageInfo(pageLanguage(c), c.req.url, c.req.query("embed") === "1");
  const { t } = page;
  const text: Record<Kind, string> = {
    notFound: t.notFoundText,
    rateLimited: fill(t.rateLimitedText, { seconds: detail?.seconds ?? "60" }),
    forbidden: t.forbiddenText,
    tooLarge: t.tooLargeText,
    closedTitle: t.closed,
    serverError: fill(t.serverErrorText, { id: detail?.id ?? "" }),
  };
  const title = t[kind === "tooLarge" ? "forbidden" : kind];
  c.header("Cache-Control", "no-store");
  // An error can come before the pages' own header middleware ran (an unknown address, a
  // refused form): the same rules, spelled out for this page that has no form or script.
  c.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Content-Type-Options", "nosniff");
  return renderPage(
    c,
    <Layout page={page} title={title} noindex>
      <h1>{title}</h1>
      <p>{text[kind]}</p>
      <p>
        <a href="/">{t.homeTitle}</a>
      </p>
    </Layout>,
    status,
  );
}

/** The attendee pages' onError: the same refusals as the API, as pages instead of JSON. */
export function webError(err: Error, c: Context) {
  if (err instanceof AppError) {
    if (err.code === "not_found") return errorPage(c, "notFound", 404);
    if (err.code === "rate_limited") return errorPage(c, "rateLimited", 429, { seconds: c.res.headers.get("Retry-After") ?? undefined });
    if (err.code === "payload_too_large") return errorPage(c, "tooLarge", 413);
    if (err.status === 409) return errorPage(c, "closedTitle", 409);
  }
  if (err instanceof HTTPException && err.status === 403) return errorPage(c, "forbidden", 403);
  if (err instanceof HTTPException && err.status === 404) return errorPage(c, "notFound", 404);
  const id = crypto.randomUUID();
  console.error(`[${id}] ${c.req.method} ${loggablePath(c.req.path)}`, err);
  return errorPage(c, "serverError", 500, { id });
}
