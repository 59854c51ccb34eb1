export const errorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_registered: 409,
  event_full: 409,
  registration_closed: 409,
  event_cancelled: 409,
  slug_taken: 409,
  not_confirmed: 409,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export type FieldErrors = Record<string, string>;

/** The one error the domain raises; the HTTP layer turns it into the one error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status() {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "resource") => new AppError("not_found", `No such ${what}.`);
export const invalid = (fields: FieldErrors, message = "The request has invalid fields.") =>
  new AppError("invalid_request", message, fields);
