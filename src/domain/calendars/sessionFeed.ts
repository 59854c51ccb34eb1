import { calendarEvent } from "../../calendar/fromEvent";
import { calendarSession, sessionUid } from "../../calendar/fromSession";
import { renderPublished } from "../../calendar/invite";
import { fill, messages } from "../../i18n/messages";
import { eventUrl, type ServiceContext } from "../context";
import { eventInLanguage, findEvent } from "../events";
import { findRegistration } from "../registrations";
import { resolveManageToken } from "../signup";
import { seatedSessions } from "./sessionEntries";

/**
 * A registration's sessions as a subscription feed: one entry per session it has a seat
 * in, each with its own stable UID and the session's SEQUENCE. A seat given up or a
 * session cancelled drops out rather than staying as CANCELLED: a subscribing app
 * replaces its copy with the feed on each refresh, so an entry that is gone is removed
 * everywhere, while apps show a CANCELLED one each their own way, some as if it still
 * happened (the person is told by email either way). A registration without a seat (waitlisted,
 * cancelled, its event cancelled) gets an empty feed, not an error, so a calendar that
 * subscribed empties instead of keeping stale entries.
 */
export async function personalSessionFeed({ ctx, input }: { ctx: ServiceContext; input: { token: string } }) {
  const { registration: r } = await findRegistration(ctx, await resolveManageToken(ctx, input.token));
  const { event: e } = await findEvent(ctx, r.eventId);
  const words = eventInLanguage(e, r.language);
  const seated = r.status === "confirmed" && e.status !== "cancelled";
  // The join link, as in the personal calendar file: the feed sits behind the manage link.
  const event = calendarEvent(words, eventUrl(ctx, e.slug), seated);
  const sessions = seated ? await seatedSessions(ctx, r.id) : [];
  const ics = renderPublished(
    sessions.map((s) => ({
      ...calendarSession(s, event),
      uid: sessionUid(r.id, s.id),
      sequence: s.sequence,
      updatedAt: s.updatedAt,
      cancelled: false,
    })),
    // No URL property: it would be the manage link, and calendars get shared.
    { name: fill(messages(r.language).programme.feedName, { event: words.title }), timezone: e.timezone },
  );
  return { filename: `${e.slug}-sessions.ics`, ics };
}
