import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Mailer, OutgoingMail, SendOutcome } from "../../mail/mailer";
import { smtpReplyKind, type FailureKind } from "../../mail/failureKind";
import { isLoopbackHost } from "../../mail/smtpHost";

/** nodemailer's message for our mail: text, HTML and, when given, the invite alone. */
function message(mail: OutgoingMail): SendMailOptions {
  return {
    messageId: mail.messageId,
    from: mail.from,
    replyTo: mail.replyTo,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    // The invite as a third alternative, whose method= matches the METHOD inside. Not
    // nodemailer's icalEvent: that also attaches an application/ics copy, and extra
    // attachments make some clients show a blank message.
    ...(mail.calendar
      ? {
          alternatives: [
            {
              contentType: `text/calendar; charset=utf-8; method=${mail.calendar.method}`,
              content: mail.calendar.content,
            },
          ],
        }
      : {}),
  };
}

interface SmtpError {
  /** The code of the system error nodemailer wrapped (e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE). */
  originalCode?: string;
  responseCode?: number;
  response?: string;
  code?: string;
  command?: string;
  message?: string;
}

/**
 * What a nodemailer error means (src/mail/failureKind.ts), by codes, never by its
 * English text. nodemailer gives a refused sender and a refused recipient the same code
 * (EENVELOPE): the command tells them apart. A failed login or TLS handshake is ours;
 * anything else without a reply (a refused or dropped connection, a timeout) is temporary.
 */
function failureKind(e: SmtpError): FailureKind {
  if (e.responseCode) return smtpReplyKind(e.responseCode, e.command ?? "", e.response ?? "");
  if (OUR_SETUP.has(e.code ?? "")) return "setup";
  // A refused certificate arrives as a socket error that keeps Node's own code.
  if (TLS_REFUSED.test(e.originalCode ?? "")) return "setup";
  return "temporary";
}

// nodemailer's codes for a refused or missing login and a failed STARTTLS.
const OUR_SETUP = new Set(["EAUTH", "ENOAUTH", "ETLS", "EREQUIRETLS"]);
// Node's codes for a certificate it will not accept (OpenSSL's verify errors, its own).
const TLS_REFUSED = /CERT|SIGNATURE|HOSTNAME_MISMATCH|^ERR_TLS_|^ERR_SSL_/;

// SMTP_TIMEOUT_SECONDS for a connection and a greeting, twice that for a silence in the
// middle: well below the dispatcher's five-minute lease (nodemailer's own is ten minutes).
const timeouts = (seconds: number) => ({ connectionTimeout: seconds * 1000, greetingTimeout: seconds * 1000, socketTimeout: 2 * seconds * 1000 });

/**
 * As on Workers: a password goes to another machine only encrypted. nodemailer would
 * otherwise log in over plain text when the server offers no STARTTLS; with requireTLS
 * it refuses, and the refusal is retried like any other set-up error.
 */
function passwordNeedsTls(url: string): boolean {
  const u = new URL(url);
  return u.protocol === "smtp:" && (u.username !== "" || u.password !== "") && !isLoopbackHost(u.hostname);
}

/** Sends through an SMTP server; each failure comes back with its kind. */
export function smtpMailer(url: string, { timeoutSeconds = 30 }: { timeoutSeconds?: number } = {}): Mailer & { close(): void } {
  const transport = nodemailer.createTransport({ url, ...timeouts(timeoutSeconds), requireTLS: passwordNeedsTls(url) });
  return {
    async send(mail): Promise<SendOutcome> {
      try {
        const info: SMTPTransport.SentMessageInfo = await transport.sendMail(message(mail));
        // nodemailer resolves even when a recipient was refused.
        if (info.rejected.length) {
          const first = (info.rejectedErrors?.[0] ?? {}) as SmtpError;
          const why = info.rejectedErrors?.map((e) => e.message).join("; ") ?? "recipient rejected";
          return { ok: false, kind: first.responseCode ? failureKind(first) : "message", reason: why };
        }
        return { ok: true };
      } catch (err) {
        const e = err as SmtpError;
        const reason = e.response ?? e.message ?? String(err);
        return { ok: false, kind: failureKind(e), reason };
      }
    },
    close: () => transport.close(),
  };
}

/** Development without a mail server: every message becomes `<MAIL_DIR>/<outbox id>.eml`. */
export function fileMailer(dir: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(mail): Promise<SendOutcome> {
      const info = await transport.sendMail(message(mail));
      await mkdir(dir, { recursive: true });
      const name = mail.messageId.replace(/^<|@.*$/g, "");
      await writeFile(join(dir, `${name}.eml`), info.message as Buffer);
      return { ok: true };
    },
    close: () => transport.close(),
  };
}

/** The transport the configuration asks for. */
export const mailerFor = (config: { SMTP_URL?: string; SMTP_TIMEOUT_SECONDS?: number; MAIL_DIR: string }) =>
  config.SMTP_URL ? smtpMailer(config.SMTP_URL, { timeoutSeconds: config.SMTP_TIMEOUT_SECONDS }) : fileMailer(config.MAIL_DIR);
