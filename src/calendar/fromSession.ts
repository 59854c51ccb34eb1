import { toLocalInput } from "../lib/localTime";
import type { InviteEvent } from "./invite";

/** What a calendar entry needs of one session. */
export interface CalendarSession {
  id: string;
  title: string;
  description: string | null;
  venue: string | null;
  startsAt: Date;
  endsAt: Date;
  /** Raised by the domain on each change of time or place and on cancel. */
  sequence: number;
}

/**
 * The UID of one person's entry for one session: from the registration and the session,
 * never the manage token (a secret) and never random, so an update or a withdrawal
 * finds the entry it replaces, in an invite as in the personal feed.
 */
export const sessionUid = (registrationId: string, sessionId: string) => `${registrationId}.${sessionId}@plats`;

/**
 * A session as calendars see it, inside its event (already in the reader's words): the
 * session's title with the event's after it, since "Dag 2" alone says nothing in a
 * calendar; the session's room if it has one, else the event's place.
 */
export const calendarSession = (s: CalendarSession, event: InviteEvent): InviteEvent => ({
  ...event,
  title: `${s.title} – ${event.title}`,
  description: s.description ?? event.description,
  ...(s.venue ? { venue: s.venue, address: event.venue ? [event.venue, event.address].filter(Boolean).join(", ") : event.address } : {}),
  startsAt: s.startsAt,
  endsAt: s.endsAt,
});

/** The day an instant falls on by the event's clock, `YYYY-MM-DD`: a programme's days are counted so. */
export const dayOn = (at: Date, timezone: string) => toLocalInput(at, timezone).slice(0, 10);
