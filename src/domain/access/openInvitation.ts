import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
import type { ServiceContext } from "../context";
import { signingKey } from "../organisations";
import { claimedInvitation, tokenMatches } from "./invitationLink";
import { selectInvitations, type InvitationRow } from "./invitationRows";

/** The invitation behind a visitor's link, as checked by `openInvitation`. */
export type OpenInvitation = InvitationRow;

/**
 * The invitation a visitor's token stands for, checked: its MAC under the organisation's
 * key, and (with `eventId`) that it is this event's. Any token that is not one is
 * `invitation_required`, as if none was given: a wrong link tells nothing. A revoked one
 * is `invitation_revoked`. Whether seats are left is for the write to decide.
 */
export async function openInvitation(ctx: ServiceContext, token: string, eventId?: string): Promise<OpenInvitation> {
  const id = claimedInvitation(token);
  const [row] = id
    ? await ctx.db.all<OpenInvitation>(selectInvitations(sql`i.id = ${id}`))
    : [];
  if (!row || (eventId !== undefined && row.eventId !== eventId) || !(await tokenMatches(await signingKey(ctx, row.eventId), row.id, token)))
    throw new AppError("invitation_required");
  if (row.status === "revoked") throw new AppError("invitation_revoked");
  return row;
}

/** Notes the first visit of an invitation's link (for the organiser's list: "link visited"). */
export async function visitInvitation(ctx: ServiceContext, invitation: OpenInvitation) {
  await ctx.db.run(sql`UPDATE invitations SET visited_at = ${ctx.now().getTime()} WHERE id = ${invitation.id} AND visited_at IS NULL`);
}

/**
 * The invitee says no, from the link in their email (a page with one button: a link
 * checker opening the URL declines nothing). Those already registered through the link
 * keep their places; declining twice changes nothing.
 */
export async function declineInvitation({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  const invitation = await openInvitation(ctx, input.token);
  await ctx.db.run(sql`UPDATE invitations SET status = 'declined', declined_at = ${ctx.now().getTime()} WHERE id = ${invitation.id} AND status IN ('created', 'sent')`);
  return { ...invitation, status: "declined" as const };
}
