import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { pageRefusal } from "../../../i18n/pages";
import { fill } from "../../../i18n/messages";
import { AppError } from "../../../lib/errors";
import { internalError, refusalOfStatus } from "../../errors";
import { pageLanguage } from "../language";
import { Layout, pageInfo, renderPage } from "../layout";

/** One page for every refusal a person can meet on the attendee side, in their language. */
function errorPage(c: Context, status: number, words: (page: ReturnType<typeof pageInfo>) => { title: string; text: string }) {
  const page = pageInfo(pageLanguage(c), c.req.url, c.req.query("embed") === "1");
  const { title, text } = words(page);
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
      <p>{text}</p>
      <p>
        <a href="/">{page.t.homeTitle}</a>
      </p>
    </Layout>,
    status as ContentfulStatusCode,
  );
}

/** A refusal (a 4xx from the domain or from Hono) as a page in the reader's language, with its status. */
export function refusalPage(c: Context, err: AppError) {
  // How long to wait is known only here, from the limiter's header.
  const params = { seconds: c.res.headers.get("Retry-After") ?? "60", ...err.params };
  return errorPage(c, err.status, (page) => pageRefusal(page.t, { reason: err.reason, status: err.status, params }, page.lang));
}

export const notFoundPage = (c: Context) => refusalPage(c, new AppError("page_not_found"));

/**
 * The attendee pages' onError: whatever a client can cause is a 4xx page saying what
 * happened; anything else is logged under an id and shown as a 500 naming it.
 */
export function webError(err: Error, c: Context) {
  const refusal = err instanceof AppError ? err : err instanceof HTTPException ? refusalOfStatus(err.status) : null;
  if (refusal && refusal.status < 500) return refusalPage(c, refusal);
  const { params } = internalError(c, err);
  return errorPage(c, 500, ({ t }) => ({ title: t.serverError, text: fill(t.serverErrorText, { id: String(params.id) }) }));
}
