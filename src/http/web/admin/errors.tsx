import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError } from "../../../lib/errors";
import { errorResponse, loggablePath } from "../../errors";
import type { AppEnv } from "../../env";
import { AdminLayout, PlainLayout, renderAdmin } from "./layout";

/** Whether the caller is the workspace's own script (fetch) rather than a person reading a page. */
export const wantsJson = (c: Context) =>
  (c.req.header("accept") ?? "").includes("application/json") || (c.req.header("content-type") ?? "").includes("application/json");

const titles: Partial<Record<number, string>> = {
  400: "That did not work",
  403: "Not allowed",
  404: "Not found",
  409: "That is no longer possible",
  413: "Too large",
  429: "Too many attempts",
};

/**
 * The workspace's onError. Signed out: a page request goes to the sign-in page (and back
 * afterwards), a script gets 401 in the API's error shape. Everything else is a page with
 * the right status, or the error shape for scripts; never a 500 for a client's mistake.
 */
export function adminError(err: Error, c: Context<AppEnv>) {
  let known: AppError | null = err instanceof AppError ? err : null;
  if (!known && err instanceof HTTPException && err.status < 500)
    known = new AppError(err.status === 403 ? "forbidden" : err.status === 413 ? "payload_too_large" : err.status === 404 ? "not_found" : "invalid_request", err.message || "The request was refused.");
  if (!known) {
    const id = crypto.randomUUID();
    console.error(`[${id}] ${c.req.method} ${loggablePath(c.req.path)}`, err);
    known = new AppError("internal_error", `Something went wrong on our side (${id}).`);
  }
  c.header("Cache-Control", "no-store");
  if (wantsJson(c)) return errorResponse(c, known);
  if (known.code === "unauthorized") {
    const next = c.req.method === "GET" ? `?next=${encodeURIComponent(c.req.path + (new URL(c.req.url).search || ""))}` : "";
    return c.redirect(`/admin/login${next}`, 303);
  }
  const title = titles[known.status] ?? "Something went wrong";
  const body = (
    <>
      <h1>{title}</h1>
      <p>{known.message}</p>
      <p>
        <a href="/admin">Back to the workspace</a>
      </p>
    </>
  );
  const member = c.get("member");
  const page = member ? (
    <AdminLayout member={member} orgName={c.get("orgName")} title={title} section="events">
      {body}
    </AdminLayout>
  ) : (
    <PlainLayout title={title}>{body}</PlainLayout>
  );
  return renderAdmin(c, page, known.status as 400);
}
