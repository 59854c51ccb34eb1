import type { events } from "../db/schema";
import type { InviteEvent } from "./invite";

type EventRow = typeof events.$inferSelect;

/** An event as calendars see it; the join link only when the reader may have it. */
export const calendarEvent = (e: EventRow, page: string, withJoinLink: boolean): InviteEvent => ({
  title: e.title,
  description: e.description,
  venue: e.venue,
  address: e.address,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  url: page,
  onlineUrl: withJoinLink ? e.onlineUrl : null,
});
