import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export interface InviteEvent {
  title: string;
  description: string | null;
  venue: string | null;
  address: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Public event page; never the manage link, since calendars get shared. */
  url: string;
  /** Only for confirmed attendees' invites. */
  onlineUrl?: string | null;
}

export interface Invite {
  method: "REQUEST" | "CANCEL";
  /** Stable per registration, so every update replaces the same calendar entry. */
  uid: string;
  /** Raised on every change; clients ignore an update whose sequence did not grow. */
  sequence: number;
  stamp: Date;
  event: InviteEvent;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

/** One entry of an invite that holds several (a course package: one per date, each its own UID). */
export type InviteEntry = Pick<Invite, "uid" | "sequence" | "event">;

const PROD_ID = { company: "Plats", product: "Plats", language: "EN" };

export const location = (e: Pick<InviteEvent, "venue" | "address" | "onlineUrl">) =>
  [e.venue, e.address].filter(Boolean).join(", ") || e.onlineUrl || null;

/** Plain text for DESCRIPTION: the event's own text and, for attendees, the join link. */
function description(e: InviteEvent) {
  return [e.description, e.onlineUrl ? `${e.onlineUrl}` : null, e.url].filter(Boolean).join("\n\n");
}

/**
 * A CN parameter value: RFC 5545 has no escape for `"` inside a quoted parameter, and
 * Thunderbird's parser reads one as the end of the name (mangling the address after it).
 */
const commonName = (name: string) => name.replace(/"/g, "'");

/**
 * An iTIP invite for one registrant (RFC 5546): they are the only ATTENDEE, already
 * ACCEPTED. Times are UTC instants with Z, so no VTIMEZONE is needed and no client or
 * server time zone can shift them.
 */
export const renderInvite = (invite: Invite) => renderInvites(invite, [invite]);

/**
 * One calendar object with one VEVENT per entry, all under one METHOD: a package's dates
 * travel as a single text/calendar part, since an extra attachment makes some clients
 * show a blank message. Each entry keeps its own UID and SEQUENCE, so a date
 * is later moved or withdrawn on its own.
 */
export function renderInvites(head: Pick<Invite, "method" | "stamp" | "organizer" | "attendee">, entries: readonly InviteEntry[]): string {
  const calendar = ical({
    prodId: PROD_ID,
    method: head.method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  for (const entry of entries)
    calendar.createEvent({
      id: entry.uid,
      sequence: entry.sequence,
      stamp: head.stamp,
      start: entry.event.startsAt,
      end: entry.event.endsAt,
      summary: entry.event.title,
      description: description(entry.event),
      location: location(entry.event),
      url: entry.event.url,
      status: head.method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
      organizer: { name: commonName(head.organizer.name), email: head.organizer.email },
      attendees: [
        {
          name: commonName(head.attendee.name),
          email: head.attendee.email,
          role: ICalAttendeeRole.REQ,
          status: ICalAttendeeStatus.ACCEPTED,
          rsvp: false,
        },
      ],
    });
  return calendar.toString();
}

/**
 * Events with no attendee data, for downloads and subscriptions (PUBLISH). The join link
 * goes in only when the caller put it in the event (an attendee's own file).
 */
export function renderPublished(
  events: (InviteEvent & { uid: string; updatedAt: Date; cancelled: boolean; sequence?: number })[],
  feed?: { name: string; url?: string; timezone?: string },
): string {
  const calendar = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    // Subscribed calendars: a name, and how often to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL).
    ...(feed ? { name: feed.name, ...(feed.url ? { url: feed.url } : {}), ttl: 60 * 60 } : {}),
    // The zone a subscribing app shows the calendar in. Only as X-WR-TIMEZONE: ical-generator's
    // own timezone option would write the times in the server's local hours, and
    // the entries stay UTC instants that no zone can shift.
    ...(feed?.timezone ? { x: [{ key: "X-WR-TIMEZONE", value: feed.timezone }] } : {}),
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      ...(e.sequence !== undefined ? { sequence: e.sequence } : {}),
      // Stamped with the last change, so an unchanged feed is byte for byte the same (ETag).
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
      start: e.startsAt,
      end: e.endsAt,
      summary: e.title,
      description: description(e),
      location: location(e),
      url: e.url,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
