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
 * As on Node (src/runtime/node/mailers.ts): a 5xx refusal of this message itself — its recipient
 * or its content — is permanent. Anything else (a wrong password, TLS, a sender the relay
 * dislikes, a dropped connection, 4xx) is retried, so fixing the set-up sends what waits.
 */
export function smtpOutcome(err: unknown): SendOutcome {
  if (err instanceof SmtpReplyError)
    return { ok: false, permanent: err.code >= 500 && /^(RCPT|DATA)/i.test(err.command), reason: err.message };
  return { ok: false, permanent: false, reason: err instanceof Error ? err.message : String(err) };
}

/**
 * Cloudflare Email Service errors (their `code`, see its Workers API error table) that
 * refuse this message itself. The rest — an unverified sender or domain, a header our
 * build sets wrongly, rate and daily limits, an internal error — are about the set-up or
 * the moment, and are retried.
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

export function emailServiceOutcome(err: unknown): SendOutcome {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e?.code === "string" ? e.code : null;
  const message = typeof e?.message === "string" ? e.message : String(err);
  // The local simulation in wrangler throws plain errors; a refused recipient reads so.
  const permanent = code ? REFUSES_THE_MESSAGE.has(code) : /^email to .* not allowed$/.test(message);
  return { ok: false, permanent, reason: code ? `${code}: ${message}` : message };
}
