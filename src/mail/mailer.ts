import type { FailureKind } from "./failureKind";

/** A message ready for a transport: built once, sent by whichever runtime we are on. */
export interface OutgoingMail {
  /** `<outbox-id@host>`: stable across retries, so a resend is recognisable. */
  messageId: string;
  /** The sender: MAIL_FROM's address, under the organisation's name (sign-in links: MAIL_FROM's own name). */
  from: { name: string; address: string };
  replyTo?: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** An iTIP invite, sent as a `text/calendar; method=…` alternative. */
  calendar?: { method: "REQUEST" | "CANCEL"; content: string };
  headers: Record<string, string>;
}

/** A failure's kind decides what the dispatcher does (see FailureKind). */
export type SendOutcome = { ok: true } | { ok: false; kind: FailureKind; reason: string };

/** One adapter per runtime (SMTP or .eml files on Node; a Workers transport later). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
}
