import { templates } from "../../emails";
import { calendarEvent } from "../calendar/fromEvent";
import { calendarSession, sessionUid } from "../calendar/fromSession";
import { renderInvites } from "../calendar/invite";
import { seatedSessions } from "../domain/calendars";
import type { events, organisations, registrations } from "../db/schema";
import { messages } from "../i18n/messages";
import { eventUrl, type ServiceContext } from "../domain/context";
import { eventInLanguage } from "../domain/events";
import type { EmailBrand } from "../../emails";
import type { Composed, OutboxRow } from "./types";
import { emailEvent } from "./emailEvent";

interface Found {
  registration: typeof registrations.$inferSelect;
  event: typeof events.$inferSelect;
  org: typeof organisations.$inferSelect;
}

/**
 * The message to someone who passed their seat on. The registration now names the new
 * holder, so the reader, their language and their invite's sequence come from the outbox
 * row, frozen when the seat changed hands; no manage link is minted (theirs ended). Their
 * calendar copy is withdrawn with the registration's UID, if an invite ever reached them;
 * a course package's copy, date by date (the new holder keeps those seats).
 */
export async function composeSeatPassedOn(
  ctx: ServiceContext,
  row: OutboxRow,
  { registration: r, event: own, org }: Found,
  mail: { from: { name: string; address: string }; brand: EmailBrand; messageId: string },
): Promise<Composed> {
  const payload = row.payload as { sequence?: number; hadInvite?: number | boolean; to?: string; firstName?: string };
  const language = row.locale;
  const e = eventInLanguage(own, language);
  const page = eventUrl(ctx, e.slug);
  const withdraw = Boolean(payload.hadInvite);
  const name = row.toName ?? "";
  const rendered = templates.substitute_replaced(messages(language), {
    language,
    // Greeted by first name, as it was on the registration when the seat was passed on.
    name: typeof payload.firstName === "string" && payload.firstName ? payload.firstName : name,
    orgName: org.name,
    brand: mail.brand,
    event: emailEvent(ctx, own, language, null),
    manageUrl: "",
    position: null,
    calendar: null,
    checkin: null,
    message: null,
    offer: null,
    handover: { name: typeof payload.to === "string" ? payload.to : r.name, calendarWithdrawn: withdraw },
  });
  const sequence = Number(payload.sequence ?? r.inviteSequence);
  const whole = calendarEvent(e, page, false);
  const dates = withdraw && own.programme === "package" ? await seatedSessions(ctx, r.id) : [];
  const entries = dates.length
    ? dates.map((s) => ({ uid: sessionUid(r.id, s.id), sequence: sequence + s.sequence, event: calendarSession(s, whole) }))
    : [{ uid: `${r.id}@plats`, sequence, event: whole }];
  const head = { method: "CANCEL" as const, stamp: ctx.now(), organizer: { name: org.name, email: org.contactEmail ?? mail.from.address }, attendee: { name, email: row.toEmail } };
  const invite = withdraw ? renderInvites(head, entries) : null;
  return {
    mail: {
      messageId: mail.messageId,
      from: mail.from,
      ...(org.contactEmail ? { replyTo: org.contactEmail } : {}),
      to: { name, address: row.toEmail },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      ...(invite ? { calendar: { method: "CANCEL" as const, content: invite } } : {}),
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    },
  };
}
