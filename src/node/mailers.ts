import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type { Mailer, OutgoingMail, SendOutcome } from "../mail/mailer";

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
  message?: string;
}

/**
 * Sends through an SMTP server. 5xx replies and rejected recipients are permanent;
 * 4xx replies and connection trouble are temporary and retried by the dispatcher.
 */
export function smtpMailer(url: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
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
        return { ok: false, permanent: (e.responseCode ?? 0) >= 500, reason };
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
