import { EmailMessage } from "cloudflare:email";
import type { SendEmail } from "@cloudflare/workers-types";
import type { Config } from "../../config";
import { ConfigError } from "../../config";
import type { Mailer, SendOutcome } from "../../mail/mailer";
import { buildMime } from "./mime";
import { emailServiceOutcome, smtpOutcome } from "./sendOutcome";
import { sendSmtp } from "./smtp";
import { parseSmtpUrl } from "./smtpTarget";
import { chooseTransport, type Transport } from "./transport";

/**
 * Cloudflare Email Service through a `send_email` binding. The message goes raw (an
 * `EmailMessage`): the structured form has no way to carry a text/calendar alternative,
 * only attachments, and an attached invite is not an invite to Outlook.
 */
export function emailServiceMailer(binding: SendEmail): Mailer {
  return {
    async send(mail): Promise<SendOutcome> {
      try {
        const message = new EmailMessage(mail.from.address, mail.to.address, buildMime(mail));
        await binding.send(message);
        return { ok: true };
      } catch (err) {
        return emailServiceOutcome(err);
      }
    },
  };
}

/** SMTP over `cloudflare:sockets` to the server in SMTP_URL (a submission port, not 25). */
export function smtpSocketMailer(url: string, timeoutSeconds = 30): Mailer {
  const target = parseSmtpUrl(url);
  return {
    async send(mail): Promise<SendOutcome> {
      const from = mail.from.address;
      try {
        await sendSmtp(target, { from, to: mail.to.address, raw: buildMime(mail), helo: from.split("@")[1] || "localhost" }, timeoutSeconds * 1000);
        return { ok: true };
      } catch (err) {
        return smtpOutcome(err);
      }
    },
  };
}

/** The mailer for the transport the configuration asks for (see chooseTransport); null for none. */
export function workerMailer(config: Config, email: SendEmail | undefined): { transport: Transport; mailer: Mailer | null } {
  const transport = chooseTransport(config, email !== undefined);
  if (transport === "email") {
    if (!email) throw new ConfigError("Invalid configuration:\n  MAIL_TRANSPORT: email needs a send_email binding named EMAIL in wrangler.toml.");
    return { transport, mailer: emailServiceMailer(email) };
  }
  if (transport === "smtp") return { transport, mailer: smtpSocketMailer(config.SMTP_URL!, config.SMTP_TIMEOUT_SECONDS) };
  return { transport, mailer: null };
}
