import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Language } from "../../../db/schema";
import { workspaceMessages } from "../../../i18n/workspace";
import { workspaceError, workspaceField } from "../../../i18n/workspace/errors";
import { AppError, type FieldErrors, type Reason } from "../../../lib/errors";
import { errorResponse, internalError, refusalOfStatus, type ErrorWords } from "../../errors";
import type { AppEnv } from "../../env";
import { browserLanguage } from "../language";
import { AdminLayout, PlainLayout, renderAdmin } from "./layout";

/** The workspace's words for codes in a member's language: its pages, and the error shape its own scripts read. */
export const adminWords = (language: Language): ErrorWords => ({
  error: (err) => workspaceError(err.reason, err.params, language),
  field: (issue) => workspaceField(issue, language),
});

/** Field errors as a workspace form shows them beside its fields. */
export const shownErrors = (fields: FieldErrors = {}, language: Language): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([name, issue]) => [name, adminWords(language).field(issue)]));

/** Why something cannot be done, as a page says it beside the thing (a reason without parameters). */
export const reasonText = (reason: Reason, language: Language) => workspaceError(reason, {}, language);

/** A refusal as one line for a page: its words, and each field's when it has fields. */
export const refusalText = (err: AppError, language: Language) => {
  const words = adminWords(language);
  return [words.error(err), ...Object.values(err.fields ?? {}).map(words.field)].join(" ");
};

/** Whether the caller is the workspace's own script (fetch) rather than a person reading a page. */
export const wantsJson = (c: Context) =>
  (c.req.header("accept") ?? "").includes("application/json") || (c.req.header("content-type") ?? "").includes("application/json");

/**
 * The workspace's onError. Signed out: a page request goes to the sign-in page (and back
 * afterwards), a script gets 401 in the API's error shape. Everything else is a page with
 * the right status, or the error shape for scripts; never a 500 for a client's mistake.
 */
export function adminError(err: Error, c: Context<AppEnv>) {
  let known = err instanceof AppError ? err : err instanceof HTTPException ? refusalOfStatus(err.status) : null;
  if (!known || known.status >= 500) known = internalError(c, err);
  c.header("Cache-Control", "no-store");
  const language = c.get("member")?.language ?? browserLanguage(c) ?? "sv";
  if (wantsJson(c)) return errorResponse(c, known, adminWords(language));
  if (known.code === "unauthorized") {
    const next = c.req.method === "GET" ? `?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""))}` : "";
    return c.redirect(`/admin/login${next}`, 303);
  }
  const t = workspaceMessages(language).shell.errorPage;
  const title = t.titles[known.status] ?? t.otherTitle;
  const body = (
    <>
      <h1>{title}</h1>
      <p>{refusalText(known, language)}</p>
      <p>
        <a href="/admin">{t.back}</a>
      </p>
    </>
  );
  const member = c.get("member");
  const page = member ? (
    <AdminLayout member={member} orgName={c.get("orgName")} title={title} section="events">
      {body}
    </AdminLayout>
  ) : (
    <PlainLayout title={title} language={language}>
      {body}
    </PlainLayout>
  );
  return renderAdmin(c, page, known.status as ContentfulStatusCode);
}
