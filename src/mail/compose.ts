import { eq } from "drizzle-orm";
import { templates } from "../../emails";
import { calendarEvent } from "../calendar/fromEvent";
import { renderInvite, renderInvites, type Invite } from "../calendar/invite";
import { calendarLinks, sessionFeedUrl } from "../calendar/links";
import { events, manageTokens, organisations, registrations } from "../db/schema";
import { formatDeadline } from "../i18n/format";
import { messages } from "../i18n/messages";
import { newSecret, sha256Hex } from "../lib/secrets";
import { checkinPass } from "../domain/checkin";
import { publicBrand } from "../domain/organisations";
import { eventInLanguage, personalParagraph } from "../domain/events";
import { emailEvent } from "./emailEvent";
import { eventUrl, manageUrl, type ServiceContext } from "../domain/context";
import { findRegistration } from "../domain/registrations";
import { composeInvitation } from "./invitationMail";
import { composeLoginLink } from "./loginLinkMail";
import { composeOrganiserMail } from "./organiserMail";
import { composeWebhookDisabled } from "./webhookDisabledMail";
import { programmeFacts } from "./programmeMail";
import { composeSeatPassedOn } from "./seatPassedOn";
import { laterQueued } from "./laterQueued";

import { parseMailbox, type Composed, type MailSettings, type OutboxRow } from "./types";
import type { EmailBrand, MemberKind } from "../../emails";
export type { Composed, MailSettings, OutboxRow } from "./types";

const addressOf = (mailbox: string) => parseMailbox(mailbox).address;
// Message-IDs use our own domain, not the organiser's (which may be gmail.com).
const senderHost = (settings: MailSettings) => addressOf(settings.from).split("@")[1] ?? "plats";

/**
 * What an email shows of its organisation: the logo as an absolute URL (a hosted image,
 * never an attachment), the colour, the contact and the footer.
 */
export function emailBrand(ctx: ServiceContext, org: Parameters<typeof publicBrand>[1]): EmailBrand {
  const b = publicBrand(ctx, org);
  return { logo: b.logo?.url ?? null, palette: b.palette, contactEmail: b.contactEmail, contactPhone: b.contactPhone, footer: b.footer };
}

/**
 * The organisation's emails come from its own name at MAIL_FROM's address, so a reader
 * sees "Techtank", not the service; the transports encode a name that is not ASCII.
 */
export const organisationSender = (settings: MailSettings, orgName: string) => ({ name: orgName, address: addressOf(settings.from) });

const organiserMessage = (payload: Record<string, unknown>) => ({
  subject: typeof payload.subject === "string" ? payload.subject : "",
  body: typeof payload.body === "string" ? payload.body : "",
});

/**
 * Turns an outbox row into an email from the current state of its registration and
 * event, so a delayed message never shows stale times. A message whose moment has passed
 * (a confirmation for someone who has since cancelled) is skipped, not sent.
 */
export async function compose(ctx: ServiceContext, row: OutboxRow, settings: MailSettings): Promise<Composed> {
  if (row.kind === "login_link") return composeLoginLink(ctx, row, settings, senderHost(settings));
  if (row.kind === "organiser_activity" || row.kind === "organiser_digest") return composeOrganiserMail(ctx, row, settings, senderHost(settings));
  if (row.kind === "webhook_disabled") return composeWebhookDisabled(ctx, row, settings, senderHost(settings));
  if (row.kind === "invitation")
    return composeInvitation(ctx, row, { from: (name) => organisationSender(settings, name), brand: (org) => emailBrand(ctx, org), host: senderHost(settings) });
  if (!row.registrationId) return { skip: "no registration" };
  const [found] = await ctx.db
    .select({ registration: registrations, event: events, org: organisations })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .innerJoin(organisations, eq(organisations.id, events.orgId))
    .where(eq(registrations.id, row.registrationId));
  if (!found) return { skip: "registration no longer exists" };
  const { registration: r, event: e, org } = found;
  if (row.kind === "substitute_replaced")
    return composeSeatPassedOn(ctx, row, found, {
      from: organisationSender(settings, org.name),
      brand: emailBrand(ctx, org),
      messageId: `<${row.id}@${senderHost(settings)}>`,
    });
  const live = e.status !== "cancelled" && r.status !== "cancelled";
  const confirmed = live && r.status === "confirmed";
  const stillTrue: Partial<Record<OutboxRow["kind"], boolean>> = {
    confirmed,
    substitute_confirmed: confirmed,
    promoted: confirmed,
    reminder: confirmed && e.status === "published",
    waitlisted: live && r.status === "waitlisted",
    // An offer's email only while it is open; its end's only if nothing overtook it.
    offered: live && r.status === "offered",
    expired: e.status !== "cancelled" && r.status === "expired",
    offer_withdrawn: e.status !== "cancelled" && r.status === "expired",
    event_updated: live,
    organiser_message: live,
    // Whether the session(s) named are still theirs is the programme's question, below.
    session_promoted: confirmed,
    session_changed: confirmed,
    session_cancelled: live,
    // An application's receipt while it waits; the polite no once it is declined.
    application_received: live && r.status === "pending",
    application_declined: e.status !== "cancelled" && r.status === "declined",
  };
  if (stillTrue[row.kind] === false) return { skip: `no longer applies (registration ${r.status}, event ${e.status})` };
  if (row.kind === "event_updated" && (await laterQueued(ctx, row)))
    return { skip: "a later update for the same registration follows" };
  const page = eventUrl(ctx, e.slug);
  // The event's words in the reader's language where the organiser gave them.
  const words = eventInLanguage(e, r.language);
  const inviteEvent = calendarEvent(words, page, confirmed);
  const programme = await programmeFacts(ctx, { row, r, e, inviteEvent, live, confirmed });
  if ("skip" in programme) return programme;

  // Each email carries its own manage link; only the hash is kept (older links stay valid).
  const token = newSecret();
  await ctx.db.insert(manageTokens).values({ tokenHash: sha256Hex(token), registrationId: r.id, createdAt: ctx.now() });

  const position = r.status === "waitlisted" ? (await findRegistration(ctx, r.id)).position : null;
  const t = messages(r.language);
  const shown = emailEvent(ctx, e, r.language, inviteEvent.onlineUrl ?? null);
  // A later day's reminder gives that day's time and room, not the event's.
  const details = programme.details;
  const rendered = templates[row.kind as Exclude<OutboxRow["kind"], MemberKind | "invitation">](t, {
    language: r.language,
    // The greeting is by first name; a name stored whole (an import, say) is used whole.
    name: r.firstName || r.name,
    orgName: org.name,
    brand: emailBrand(ctx, org),
    event: details ? { ...shown, when: details.when, venue: details.venue ?? shown.venue } : shown,
    manageUrl: manageUrl(ctx, token),
    sessions: programme.sessions,
    sessionFeed: sessionFeedUrl(manageUrl(ctx, token), { programme: e.programme, confirmed }),
    ...(programme.about ? { about: programme.about } : {}),
    position,
    calendar: confirmed ? calendarLinks(inviteEvent, `${page}/calendar.ics`) : null,
    checkin: confirmed && carriesCheckin.has(row.kind) ? checkinPass(ctx, org.checkinKey, r.id) : null,
    message: row.kind === "organiser_message" ? organiserMessage(row.payload) : null,
    note: await personalParagraph(ctx, e, row.kind, r.language),
    ...(row.kind === "substitute_confirmed" ? { handover: { name: r.substitutedName ?? "" } } : {}),
    // Written by a group signup into its colleagues' rows, in the same batch.
    ...(typeof row.payload.registeredBy === "string" ? { registeredBy: row.payload.registeredBy } : {}),
    offer:
      r.status === "offered" && r.offerExpiresAt
        ? { deadline: formatDeadline(r.offerExpiresAt, e.timezone, r.language), acceptUrl: `${manageUrl(ctx, token)}/accept` }
        : null,
  });

  const senderAddress = addressOf(settings.from);
  const organizerEmail = org.contactEmail ?? senderAddress;
  const method = programme.invite === undefined ? inviteMethod(row.kind, confirmed, r.inviteSentAt !== null) : null;
  const inviteHead = { stamp: ctx.now(), organizer: { name: org.name, email: organizerEmail }, attendee: { name: r.name, email: r.email } };
  const invite: Invite | null = method && { ...inviteHead, method, uid: `${r.id}@plats`, sequence: r.inviteSequence, event: inviteEvent };
  return {
    mail: {
      messageId: `<${row.id}@${senderHost(settings)}>`,
      from: organisationSender(settings, org.name),
      ...(org.contactEmail ? { replyTo: org.contactEmail } : {}),
      to: { name: r.name, address: r.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      ...(invite ? { calendar: { method: invite.method, content: renderInvite(invite) } } : {}),
      // A package's dates: one calendar part, an entry per date (programmeMail.ts).
      ...(programme.invite
        ? { calendar: { method: programme.invite.method, content: renderInvites({ ...inviteHead, method: programme.invite.method }, programme.invite.entries) } }
        : {}),
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    },
  };
}

/** The emails a confirmed attendee may bring to the door: those with the invite, and the reminder. */
const carriesCheckin = new Set<OutboxRow["kind"]>(["confirmed", "substitute_confirmed", "promoted", "event_updated", "reminder"]);


/**
 * Which calendar message goes with an email: a REQUEST whenever a confirmed attendee's
 * entry should exist or change, a CANCEL to withdraw one that was sent, nothing else.
 */
function inviteMethod(kind: OutboxRow["kind"], confirmedNow: boolean, hadInvite: boolean): Invite["method"] | null {
  switch (kind) {
    case "confirmed":
    case "substitute_confirmed":
    case "promoted":
    case "event_updated":
      return confirmedNow ? "REQUEST" : null;
    case "cancelled":
    case "event_cancelled":
      return hadInvite ? "CANCEL" : null;
    default:
      return null;
  }
}
