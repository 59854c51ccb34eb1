import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { englishReasons, sayError } from "../i18n/errors";
import { AppError, englishField, invalid, type FieldErrors, type FieldIssue } from "../lib/errors";
import { zodFieldErrors } from "../lib/zodIssues";
import { MAX_BODY_BYTES } from "./middleware";

/** How a surface words a refusal and a field error. The API's are English. */
export interface ErrorWords {
  error: (err: AppError) => string;
  field: (issue: FieldIssue) => string;
}

const english: ErrorWords = { error: (err) => sayError(englishReasons[err.reason], err.params), field: englishField };

/**
 * The one error shape: `{ error: { code, message, fields?, fieldCodes? } }`. `code` is the
 * error code, `fields` each field's words and `fieldCodes` the same errors as codes with their
 * parameters, for clients that show their own words.
 */
export function errorResponse(c: Context, err: AppError, words: ErrorWords = english) {
  if (err.code === "unauthorized") c.header("WWW-Authenticate", 'Bearer realm="plats"');
  const fields = err.fields ? Object.fromEntries(Object.entries(err.fields).map(([k, issue]) => [k, words.field(issue)])) : undefined;
  const body = { error: { code: err.code, message: words.error(err), ...(fields ? { fields, fieldCodes: err.fields } : {}) } };
  return c.json(body, err.status as ContentfulStatusCode);
}

/** The refusal a status of Hono's own HTTPException stands for (malformed JSON, a refused form, …). */
export function refusalOfStatus(status: number): AppError | null {
  const reason = ({ 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 429: "rate_limited" } as const)[status];
  if (reason) return new AppError(reason);
  return status === 413 ? new AppError("payload_too_large", { kib: MAX_BODY_BYTES / 1024 }) : null;
}

/** A request path fit for logs: manage tokens and login links are secrets and never written there. */
export const loggablePath = (path: string) => path.replace(/\/(r|manage|link)\/[^/]+/, "/$1/…");

/** Logs an unexpected error under a fresh id, which the answer names so a report can be matched. */
export function internalError(c: Context, err: unknown) {
  const id = crypto.randomUUID();
  console.error(`[${id}] ${c.req.method} ${loggablePath(c.req.path)}`, err);
  return new AppError("internal_error", { id });
}

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof AppError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    const refusal = refusalOfStatus(err.status);
    // Hono's own message says what was wrong with the request ("Malformed JSON in request body").
    if (refusal) return errorResponse(c, refusal, { ...english, error: (e) => err.message || english.error(e) });
  }
  return errorResponse(c, internalError(c, err));
};

export const onNotFound: NotFoundHandler = (c) => errorResponse(c, new AppError("route_not_found"));

/** A failed parse in the one error shape. */
export const validationError = (error: ZodError) => invalid(zodFieldErrors(error));

export type { FieldErrors };
