import { loginLinkEmail } from "../../emails";
import { messages } from "../i18n/messages";
import type { ServiceContext } from "../domain/context";
import { LOGIN_LINK_TTL_MS, mintLoginLink } from "../domain/accounts";
import { activeMember } from "./activeMember";
import { parseMailbox, type Composed, type MailSettings, type OutboxRow } from "./types";

/**
 * A login link, minted now: the outbox row only names the member, so the secret exists
 * nowhere but in the email, and its 15 minutes start when it is sent.
 */
export async function composeLoginLink(ctx: ServiceContext, row: OutboxRow, settings: MailSettings, host: string): Promise<Composed> {
  const found = await activeMember(ctx, row);
  if ("skip" in found) return found;
  // Sent late (an outage), the link would be of no use.
  if (ctx.now().getTime() - row.createdAt.getTime() > LOGIN_LINK_TTL_MS) return { skip: "too old to be of use" };
  const token = await mintLoginLink(ctx, found.user.id);
  const rendered = loginLinkEmail(messages(found.user.language), {
    language: found.user.language,
    name: found.user.name,
    orgName: found.orgName,
    url: `${ctx.publicUrl}/admin/login/link/${token}`,
    minutes: LOGIN_LINK_TTL_MS / 60_000,
  });
  return {
    mail: {
      messageId: `<${row.id}@${host}>`,
      // About the service, not one organisation's event: MAIL_FROM as it is ("Plats").
      from: parseMailbox(settings.from),
      to: { name: found.user.name ?? "", address: found.user.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    },
  };
}
