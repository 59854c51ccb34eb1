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
export function renderInvite(invite: Invite): string {
  const calendar = ical({
    prodId: PROD_ID,
    method: invite.method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: invite.uid,
    sequence: invite.sequence,
    stamp: invite.stamp,
    start: invite.event.startsAt,
    end: invite.event.endsAt,
    summary: invite.event.title,
    description: description(invite.event),
    location: location(invite.event),
    url: invite.event.url,
    status: invite.method === "REQUEST" ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: { name: commonName(invite.organizer.name), email: invite.organizer.email },
    attendees: [
      {
        name: commonName(invite.attendee.name),
        email: invite.attendee.email,
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
  feed?: { name: string; url: string },
): string {
  const calendar = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    // Subscribed calendars: a name, and how often to refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL).
    ...(feed ? { name: feed.name, url: feed.url, ttl: 60 * 60 } : {}),
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
