import { englishFields, englishReasons, sayError } from "../i18n/errors";
import { errorStatus, reasons, type ErrorCode, type FieldErrors, type FieldIssue, type ParamValue, type Reason, type ReasonParams } from "./errorCodes";

export type { ErrorCode, FieldCode, FieldErrors, FieldIssue, Reason } from "./errorCodes";

/** The error code a reason is sent as. */
export const codeOf = (reason: Reason): ErrorCode => reasons[reason].code;

/** The one mapping from an error code to its HTTP status, used by the API, the pages and the workspace. */
export const codeToStatus = (code: ErrorCode): number => errorStatus[code];

/** English words for a field error: the API's, and what logs and the CLI show. */
export const englishField = (issue: FieldIssue) => sayError(englishFields[issue.code], issue);

// A reason without parameters may leave them out; one with parameters must name them all.
type Args<R extends Reason> = keyof ReasonParams<R> extends never
  ? [params?: Record<string, never>, fields?: FieldErrors]
  : [params: ReasonParams<R>, fields?: FieldErrors];

/**
 * The one error the domain raises: a reason with its parameters (and so an error code and
 * a status), and field errors for a refused input. Each surface turns the reason into its
 * own words (src/http/errors.ts for the API, the pages' and the workspace's catalogues);
 * the English `message` is for logs and the CLI.
 */
export class AppError<R extends Reason = Reason> extends Error {
  /** The error code the API sends, e.g. `registration_closed`. */
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly fields?: FieldErrors;

  constructor(
    /** Why exactly, e.g. `event_started`: what the surfaces word. */
    readonly reason: R,
    ...[params, fields]: Args<R>
  ) {
    const given = (params ?? {}) as Record<string, ParamValue>;
    super(sayError(englishReasons[reason], given));
    this.name = "AppError";
    this.code = codeOf(reason);
    this.params = given;
    this.fields = fields;
  }

  get status() {
    return codeToStatus(this.code);
  }
}

/** A refused input: the field errors say what to fix. */
export const invalid = (fields: FieldErrors) => new AppError("invalid_request", {}, fields);

/** What a log or a terminal shows of an error: the message and each field's English words. */
export const describeError = (err: AppError) =>
  [err.message, ...Object.entries(err.fields ?? {}).map(([field, issue]) => `${field}: ${englishField(issue)}`)].join("\n");
