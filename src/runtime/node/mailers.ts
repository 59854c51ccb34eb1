import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Mailer, OutgoingMail, SendOutcome } from "../../mail/mailer";
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
  responseCode?: number;
  response?: string;
  code?: string;
  command?: string;
  message?: string;
}

/**
 * A refusal of this message itself (its recipient or its content) is permanent. Anything
 * else, 5xx included, is about our set-up or the server (a wrong password, TLS, a sender
 * the relay dislikes): retried, so fixing the configuration sends everything that waits.
 */
const refusesTheMessage = (e: SmtpError) =>
  (e.responseCode ?? 0) >= 500 && (e.code === "EENVELOPE" || /^(RCPT|DATA)/i.test(e.command ?? ""));

// Well below the dispatcher's five-minute lease (nodemailer's own default is ten minutes).
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/**
 * As on Workers: a password goes to another machine only encrypted. nodemailer would
 * otherwise log in over plain text when the server offers no STARTTLS; with requireTLS
 * it refuses, and the refusal is retried like any other set-up error.
 */
function passwordNeedsTls(url: string): boolean {
  const u = new URL(url);
  return u.protocol === "smtp:" && (u.username !== "" || u.password !== "") && !isLoopbackHost(u.hostname);
}

/**
 * Sends through an SMTP server. Refused recipients and 5xx replies to the message are
 * permanent; everything else is retried by the dispatcher.
 */
export function smtpMailer(url: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport({ url, ...TIMEOUTS, requireTLS: passwordNeedsTls(url) });
  return {
    async send(mail): Promise<SendOutcome> {
      try {
        const info: SMTPTransport.SentMessageInfo = await transport.sendMail(message(mail));
        // nodemailer resolves even when a recipient was refused.
        if (info.rejected.length) {
          const why = info.rejectedErrors?.map((e) => e.message).join("; ") ?? "recipient rejected";
          return { ok: false, permanent: true, reason: why };
        }
        return { ok: true };
      } catch (err) {
        const e = err as SmtpError;
        const reason = e.response ?? e.message ?? String(err);
        return { ok: false, permanent: refusesTheMessage(e), reason };
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
export const mailerFor = (config: { SMTP_URL?: string; MAIL_DIR: string }) =>
  config.SMTP_URL ? smtpMailer(config.SMTP_URL) : fileMailer(config.MAIL_DIR);
