import { eq } from "drizzle-orm";
import { manageTokens, organisations } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { sameSecret, sha256Hex } from "../../lib/secrets";
import { calendarEvent } from "../../calendar/fromEvent";
import { calendarLinks, sessionFeedUrl } from "../../calendar/links";
import { eventUrl, manageUrl, type ServiceContext } from "../context";
import { cancelRegistration } from "./cancelRegistration";
import { checkinKeyOf, checkinPass } from "../checkin";
import { eventInLanguage, findEvent, publicEventView } from "../events";
import { findRegistration, registrationView } from "../registrations";
import { choicesOf } from "../programme";

const tokenShape = /^[A-Za-z0-9_-]{22}$/;

/** The registration a manage link stands for; any wrong token is simply "not found". */
export async function resolveManageToken(ctx: ServiceContext, token: string): Promise<string> {
  if (!tokenShape.test(token)) throw new AppError("registration_not_found");
  const hash = sha256Hex(token);
  const [row] = await ctx.db.select().from(manageTokens).where(eq(manageTokens.tokenHash, hash)).limit(1);
  if (!row || !(await sameSecret(row.tokenHash, hash))) throw new AppError("registration_not_found");
  return row.registrationId;
}

/** What the holder of a manage link sees: their registration, position and event. */
export async function getManagedRegistration({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  const registration = await findRegistration(ctx, await resolveManageToken(ctx, input.token));
  return managedView(ctx, registration, input.token);
}

/** The holder of a manage link cancels; the seat goes to the waitlist in the same write. */
export async function cancelManagedRegistration({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  const cancelled = await cancelRegistration({ ctx, input: { id: await resolveManageToken(ctx, input.token) } });
  return managedView(ctx, cancelled, input.token);
}

/** The manage view of a registration as the holder of `token` sees it. */
export async function managedView(
  ctx: ServiceContext,
  row: Awaited<ReturnType<typeof findRegistration>>,
  token: string,
) {
  const eventRow = await findEvent(ctx, row.registration.eventId);
  const confirmed = row.registration.status === "confirmed" && eventRow.event.status !== "cancelled";
  const page = eventUrl(ctx, eventRow.event.slug);
  const [org] = await ctx.db
    .select({ slug: organisations.slug, name: organisations.name, privacyUrl: organisations.privacyUrl })
    .from(organisations)
    .where(eq(organisations.id, eventRow.event.orgId));
  return {
    ...registrationView(row),
    manageUrl: manageUrl(ctx, token),
    // The join link and calendar entries are for confirmed attendees only.
    // In the event's own words; the page shows them in its language (eventInLanguage).
    event: { ...publicEventView(ctx, eventRow), onlineUrl: confirmed ? eventRow.event.onlineUrl : null },
    organiser: org!,
    // The personal calendar file carries the join link, so it sits behind the manage link.
    calendar: confirmed ? calendarLinks(calendarEvent(eventInLanguage(eventRow.event, row.registration.language), page, true), `${manageUrl(ctx, token)}/calendar.ics`) : null,
    // The personal feed of the sessions they have a seat in ("choose" programmes).
    sessionFeed: sessionFeedUrl(manageUrl(ctx, token), { programme: eventRow.event.programme, confirmed }),
    // Their places in the programme's sessions (empty without one).
    sessions: await choicesOf(ctx, row.registration.id),
    // What the attendee shows at the door; only a seat has one.
    checkin: confirmed ? checkinPass(ctx, await checkinKeyOf(ctx, eventRow.event.orgId), row.registration.id) : null,
  };
}
