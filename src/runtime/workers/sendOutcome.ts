import { smtpReplyKind, type FailureKind } from "../../mail/failureKind";
import type { SendOutcome } from "../../mail/mailer";

/** An SMTP reply we did not want, with the command it answered. */
export class SmtpReplyError extends Error {
  override name = "SmtpReplyError";
  constructor(
    readonly code: number,
    readonly command: string,
    readonly reply: string,
  ) {
    super(`${command}: ${reply}`);
  }
}

/**
 * SMTP_URL asks for something the client will not do (a password over an unencrypted
 * connection). Not the message's fault: retried like a refused login, so fixing SMTP_URL
 * or the server sends everything that waits.
 */
export class SmtpConfigError extends Error {
  override name = "SmtpConfigError";
}

/**
 * What a failed SMTP send means (src/mail/failureKind.ts, the same rules as on Node): a
 * reply by its code and command; a password we will not send, or a TLS handshake that
 * failed, is our configuration; a dropped connection or no reply is temporary.
 */
export function smtpOutcome(err: unknown): SendOutcome {
  if (err instanceof SmtpReplyError) return { ok: false, kind: smtpReplyKind(err.code, err.command, err.reply), reason: err.message };
  if (err instanceof SmtpConfigError) return { ok: false, kind: "setup", reason: err.message };
  return { ok: false, kind: "temporary", reason: err instanceof Error ? err.message : String(err) };
}

/**
 * Cloudflare Email Service errors (their `code`, see its Workers API error table) that
 * refuse this message itself, and those that refuse our set-up (the sender or its
 * domain). The rest (rate and daily limits, an internal error) are about the moment.
 */
const REFUSES_THE_MESSAGE = new Set([
  "E_RECIPIENT_SUPPRESSED",
  "E_RECIPIENT_NOT_ALLOWED",
  "E_DELIVERY_FAILED",
  "E_CONTENT_TOO_LARGE",
  "E_VALIDATION_ERROR",
  "E_FIELD_MISSING",
  "E_TOO_MANY_RECIPIENTS",
]);

// An unverified sender or domain, a sender the account may not use, a header it refuses.
const REFUSES_THE_SETUP = /^E_(SENDER|DOMAIN|FROM)_|^E_HEADER_NOT_ALLOWED$/;

export function emailServiceOutcome(err: unknown): SendOutcome {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : null;
  const message = typeof e?.message === "string" ? e.message : String(err);
  // The local simulation in wrangler throws plain errors; a refused recipient reads so.
  const kind: FailureKind = code
    ? REFUSES_THE_MESSAGE.has(code) ? "message" : REFUSES_THE_SETUP.test(code) ? "setup" : "temporary"
    : /^email to .* not allowed$/.test(message) ? "message" : "temporary";
  return { ok: false, kind, reason: code ? `${code}: ${message}` : message };
}
