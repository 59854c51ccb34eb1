import type { events } from "../db/schema";
import { richTextAsPlain } from "../lib/richText";
import type { InviteEvent } from "./invite";

type EventRow = typeof events.$inferSelect;

/**
 * An event as calendars see it; the join link only when the reader may have it. The
 * description as plain text (calendars show no formatting): the page's **bold** and
 * [text](link) become the words, with a link's address after them.
 */
export const calendarEvent = (e: EventRow, page: string, withJoinLink: boolean): InviteEvent => ({
  title: e.title,
  description: e.description ? richTextAsPlain(e.description) || null : null,
  venue: e.venue,
  address: e.address,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  url: page,
  onlineUrl: withJoinLink ? e.onlineUrl : null,
});
