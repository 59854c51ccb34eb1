import type { Language } from "../../../db/schema";
import type { EventRow } from "../../../domain/events";
import { counted, formatWhen } from "../../../i18n/format";
import { fill, localeTag } from "../../../i18n/messages";
import { workspaceMessages } from "../../../i18n/workspace";

/** The attendance list of an event, and the paths of the actions on it. */
export const listPath = (eventId: string) => `/admin/events/${eventId}`;
export const registrationPath = (eventId: string, registrationId: string, action: string) =>
  `${listPath(eventId)}/registrations/${registrationId}/${action}`;

// One formatter per zone and language: a list of a thousand rows formats two thousand instants.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "21 Nov 2026, 10:05", "21 nov. 2026 10:05" in the event's zone and the reader's language: never the server's own zone. */
export function formatInstant(d: Date | null, timeZone: string, language: Language): string {
  if (!d) return "";
  const key = `${language} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag[language], { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
    formatters.set(key, f);
  }
  return f.format(d);
}

/** An <time> element for an instant, in the event's zone and the reader's language. */
export const Instant = ({ at, timeZone, language }: { at: Date | null; timeZone: string; language: Language }) =>
  at ? <time datetime={at.toISOString()}>{formatInstant(at, timeZone, language)}</time> : null;

/** Title, time and place of the event a page acts on, linking back to its list. */
export function EventLine({ event, link = true, language }: { event: EventRow; link?: boolean; language: Language }) {
  const when = formatWhen(event.startsAt, event.endsAt, event.timezone, language);
  return (
    <p class="event-line">
      {link ? <a href={listPath(event.id)}>{event.title}</a> : <strong>{event.title}</strong>}
      {" · "}
      {when}
      {event.venue ? ` · ${event.venue}` : ""}
    </p>
  );
}

/** The text of a `?notice=` code (codes, not text: a link must not put words on our page). */
export function noticeText(code: string | undefined, n: string | undefined, mailed: string | undefined, language: Language = "en", skipped?: string) {
  const t = workspaceMessages(language).attendees;
  if (!code || !Object.hasOwn(t.notices, code)) return undefined;
  const template = t.notices[code as keyof typeof t.notices];
  const text = fill(template, { people: people(Number(n) || 0, language) });
  if (code.startsWith("added-")) return `${text} ${mailed === "0" ? t.notMailed : t.mailed}`;
  // Rows of a selection left as they were: said, so nobody believes all of them changed.
  const left = Number(skipped) || 0;
  if (left > 0 && Object.hasOwn(t.skipped, code)) return `${text} ${fill(t.skipped[code as keyof typeof t.skipped], { people: people(left, language) })}`;
  return text;
}

/** Seats, spelled for a sentence. */
export const people = (n: number, language: Language = "en") => counted(language, workspaceMessages(language).attendees.people, n);
