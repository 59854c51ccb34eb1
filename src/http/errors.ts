import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { AppError, invalid, type ErrorCode, type FieldErrors } from "../lib/errors";

/** The one error shape of the whole API. */
export function errorResponse(c: Context, err: AppError) {
  if (err.code === "unauthorized") c.header("WWW-Authenticate", 'Bearer realm="plats"');
  const body = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
  return c.json(body, err.status as ContentfulStatusCode);
}

const codeForStatus: Partial<Record<number, ErrorCode>> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  429: "rate_limited",
};

const defaultMessage: Partial<Record<ErrorCode, string>> = {
  unauthorized: "Send a valid API token as 'Authorization: Bearer <token>'.",
};

/** A request path fit for logs: manage tokens and login links are secrets and never written there. */
export const loggablePath = (path: string) => path.replace(/\/(r|manage|link)\/[^/]+/, "/$1/…");

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof AppError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    // Thrown by Hono itself: malformed JSON, a missing bearer token, ...
    const code = codeForStatus[err.status];
    if (code) return errorResponse(c, new AppError(code, err.message || defaultMessage[code] || "The request was refused."));
  }
  const requestId = crypto.randomUUID();
  console.error(`[${requestId}] ${c.req.method} ${loggablePath(c.req.path)}`, err);
  return errorResponse(c, new AppError("internal_error", `Something went wrong on our side (${requestId}).`));
};

export const onNotFound: NotFoundHandler = (c) => errorResponse(c, new AppError("not_found", "No such route."));

export function fieldErrors(error: ZodError): FieldErrors {
  // A Map, not an object: a client's key may be "__proto__" or "constructor".
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    // An unknown key is reported on its parent; name the key itself instead.
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...at, k]) : [at];
    for (const path of keys) {
      const key = path.join(".") || "body";
      if (!fields.has(key)) fields.set(key, issue.message);
    }
  }
  return Object.fromEntries(fields);
}

export const validationError = (error: ZodError) => invalid(fieldErrors(error));
