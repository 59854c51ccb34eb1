import { webhookDisabledEmail } from "../../emails";
import type { ServiceContext } from "../domain/context";
import { splitFullName } from "../domain/personNames";
import { getWebhook } from "../domain/webhooks";
import { formatDeadline } from "../i18n/format";
import { workspaceMessages } from "../i18n/workspace";
import { AppError } from "../lib/errors";
import { activeMember } from "./activeMember";
import { parseMailbox, type Composed, type MailSettings, type OutboxRow } from "./types";

const UTC = "UTC";

/**
 * To an owner: an endpoint was disabled after three days of failures. Read when sent: an
 * owner who has left (or is no longer an owner) gets nothing, and neither does anyone once
 * the endpoint is deleted or enabled again, since the news is no longer true.
 */
export async function composeWebhookDisabled(ctx: ServiceContext, row: OutboxRow, settings: MailSettings, host: string): Promise<Composed> {
  const found = await activeMember(ctx, row);
  if ("skip" in found) return found;
  const { user, orgName } = found;
  if (user.role !== "owner") return { skip: "no longer an owner" };
  const id = typeof row.payload.endpointId === "string" ? row.payload.endpointId : "";
  let webhook;
  try {
    webhook = await getWebhook({ ctx, input: { orgId: user.orgId, id } });
  } catch (err) {
    if (err instanceof AppError && err.reason === "webhook_not_found") return { skip: "webhook no longer exists" };
    throw err;
  }
  if (webhook.enabled || webhook.disabledReason !== "failing") return { skip: "webhook enabled again" };
  const language = user.language;
  const failingSince = typeof row.payload.failingSince === "number" ? new Date(row.payload.failingSince) : new Date(webhook.disabledAt ?? row.createdAt);
  const rendered = webhookDisabledEmail(workspaceMessages(language).organisation.webhooks.mail, {
    language,
    name: (user.name && splitFullName(user.name).firstName) || null,
    orgName,
    // The URL it had when it was disabled: the one that failed.
    url: typeof row.payload.url === "string" ? row.payload.url : webhook.url,
    since: `${formatDeadline(failingSince, UTC, language)} ${UTC}`,
    pageUrl: `${ctx.publicUrl}/admin/webhooks/${webhook.id}`,
  });
  return {
    mail: {
      messageId: `<${row.id}@${host}>`,
      // About the service, as sign-in links are: MAIL_FROM as it is.
      from: parseMailbox(settings.from),
      to: { name: user.name ?? "", address: user.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    },
  };
}
