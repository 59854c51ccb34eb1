import { eq } from "drizzle-orm";
import { invitationEmail } from "../../emails";
import { organisations } from "../db/schema";
import { messages } from "../i18n/messages";
import type { ServiceContext } from "../domain/context";
import { findInvitation, invitationToken } from "../domain/access";
import { signingKey } from "../domain/organisations";
import { emailEvent } from "./emailEvent";
import type { Composed, OutboxRow } from "./types";
import type { EmailBrand } from "../../emails";

export interface InvitationSender {
  /** The organisation's own name at MAIL_FROM's address (see organisationSender). */
  from: (orgName: string) => { name: string; address: string };
  brand: (org: typeof organisations.$inferSelect) => EmailBrand;
  host: string;
}

/**
 * An invitation (payload `{invitation, reminder}`; no registration), composed from the
 * invitation as it is now, in the invitee's language: skipped once it is revoked or
 * declined or its event is no longer open, and a reminder once someone has registered
 * through it. The link is made again from the organisation's key (nothing secret is
 * stored); the decline link opens a page with one button.
 */
export async function composeInvitation(ctx: ServiceContext, row: OutboxRow, sender: InvitationSender): Promise<Composed> {
  const id = typeof row.payload.invitation === "string" ? row.payload.invitation : null;
  if (!id) return { skip: "no invitation named" };
  const found = await findInvitation(ctx, id, row.orgId).catch(() => null);
  if (!found) return { skip: "invitation no longer exists" };
  const { row: invitation, event: e } = found;
  if (invitation.status === "revoked" || invitation.status === "declined") return { skip: `invitation ${invitation.status}` };
  if (e.status !== "published") return { skip: `event ${e.status}` };
  const reminder = row.payload.reminder === true;
  if (reminder && invitation.registered > 0) return { skip: "already registered through the invitation" };
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, e.orgId));
  if (!org) return { skip: "organisation no longer exists" };

  const language = (invitation.language as typeof row.locale | null) ?? row.locale;
  const token = invitationToken(await signingKey(ctx, e.id), invitation.id);
  const name = [invitation.firstName, invitation.lastName].filter(Boolean).join(" ");
  const rendered = invitationEmail(messages(language), {
    language,
    name: invitation.firstName || invitation.email,
    orgName: org.name,
    brand: sender.brand(org),
    event: emailEvent(ctx, e, language, null),
    url: found.view.url,
    declineUrl: `${ctx.publicUrl}/i/${encodeURIComponent(token)}/decline`,
    seats: invitation.seats,
    reminder,
  });
  return {
    mail: {
      messageId: `<${row.id}@${sender.host}>`,
      from: sender.from(org.name),
      ...(org.contactEmail ? { replyTo: org.contactEmail } : {}),
      to: { name, address: invitation.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    },
  };
}
