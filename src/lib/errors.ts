import { englishErrors, englishFields, sayError } from "../i18n/errors";
import { apiStatus, errorCodes, type ApiCode, type ErrorCode, type ErrorParams, type FieldErrors, type FieldIssue, type ParamValue } from "./errorCodes";

export type { ApiCode, ErrorCode, FieldCode, FieldErrors, FieldIssue } from "./errorCodes";

/** The API code a refusal is sent as. */
export const apiCodeOf = (code: ErrorCode): ApiCode => errorCodes[code].api;

/** The one mapping from an error code to its HTTP status, used by the API, the pages and the workspace. */
export const codeToStatus = (code: ErrorCode): number => apiStatus[apiCodeOf(code)];

/** English words for a field error: the API's, and what logs and the CLI show. */
export const englishField = (issue: FieldIssue) => sayError(englishFields[issue.code], issue);

// A code without parameters may leave them out; one with parameters must name them all.
type Args<C extends ErrorCode> = keyof ErrorParams<C> extends never
  ? [params?: Record<string, never>, fields?: FieldErrors]
  : [params: ErrorParams<C>, fields?: FieldErrors];

/**
 * The one error the domain raises: a code with its parameters, and field errors for a
 * refused input. Each surface turns the code into its own words (src/http/errors.ts for
 * the API, the pages' and the workspace's catalogues); the English `message` is for logs.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly fields?: FieldErrors;

  constructor(
    readonly code: C,
    ...[params, fields]: Args<C>
  ) {
    const given = (params ?? {}) as Record<string, ParamValue>;
    super(sayError(englishErrors[code], given));
    this.name = "AppError";
    this.params = given;
    this.fields = fields;
  }

  get status() {
    return codeToStatus(this.code);
  }

  get apiCode() {
    return apiCodeOf(this.code);
  }
}

/** A refused input: the field errors say what to fix. */
export const invalid = (fields: FieldErrors) => new AppError("invalid_request", {}, fields);

/** What a log or a terminal shows of an error: the message and each field's English words. */
export const describeError = (err: AppError) =>
  [err.message, ...Object.entries(err.fields ?? {}).map(([field, issue]) => `${field}: ${englishField(issue)}`)].join("\n");
