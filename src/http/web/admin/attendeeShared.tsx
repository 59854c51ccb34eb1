import type { EventRow } from "../../../domain/events";
import { formatWhen } from "../../../i18n/format";

/** The attendance list of an event, and the paths of the actions on it. */
export const listPath = (eventId: string) => `/admin/events/${eventId}`;
export const registrationPath = (eventId: string, registrationId: string, action: string) =>
  `${listPath(eventId)}/registrations/${registrationId}/${action}`;

// One formatter per zone: a list of a thousand rows formats two thousand instants.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "21 Nov 2026, 10:05" in the event's zone: never the server's own. */
export function formatInstant(d: Date | null, timeZone: string): string {
  if (!d) return "";
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f.format(d);
}

/** An <time> element for an instant, in the event's zone. */
export const Instant = ({ at, timeZone }: { at: Date | null; timeZone: string }) =>
  at ? <time datetime={at.toISOString()}>{formatInstant(at, timeZone)}</time> : null;

/** Title, time and place of the event a page acts on, linking back to its list. */
export function EventLine({ event, link = true }: { event: EventRow; link?: boolean }) {
  const when = formatWhen(event.startsAt, event.endsAt, event.timezone, "en");
  return (
    <p class="event-line">
      {link ? <a href={listPath(event.id)}>{event.title}</a> : <strong>{event.title}</strong>}
      {" · "}
      {when}
      {event.venue ? ` · ${event.venue}` : ""}
    </p>
  );
}

const notices: Record<string, (n: number) => string> = {
  promoted: () => "Promoted from the waitlist. They have been emailed.",
  "promoted-over": () => "Promoted beyond capacity; the override is recorded. They have been emailed.",
  cancelled: () => "Registration cancelled; they have been emailed. A seat that came free goes to the first person waiting.",
  "added-confirmed": () => "Added with a seat.",
  "added-waitlisted": () => "Added to the waitlist: the event is full.",
  "added-over": () => "Added beyond capacity; the override is recorded.",
  resent: () => "The email is on its way again.",
  "offer-extended": () => "The offer has a new deadline; they have been emailed.",
  "offer-withdrawn": () => "Offer withdrawn; they have been emailed. The seat is offered to the next person waiting, if anyone is.",
  messaged: (n) => `Your message is queued for ${n} ${n === 1 ? "person" : "people"}.`,
  // Set by the event pages when they send someone back here.
  created: () => "Event created.",
  saved: () => "Changes saved.",
};

/** The text of a `?notice=` code (codes, not text: a link must not put words on our page). */
export function noticeText(code: string | undefined, n: string | undefined, mailed: string | undefined) {
  const text = code ? notices[code]?.(Number(n) || 0) : undefined;
  if (!text) return undefined;
  return code?.startsWith("added-") ? `${text} ${mailed === "0" ? "No email was sent." : "They have been emailed."}` : text;
}

/** Seats, spelled for a sentence. */
export const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;
