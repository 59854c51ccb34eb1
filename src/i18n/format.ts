import type { Language } from "../db/schema";
import { localeTag } from "./messages";

/**
 * "torsdag 18 mars 2027 09:30–16:30" in the event's zone and the reader's language.
 * Depends only on the arguments, never on the server's own TZ.
 */
export function formatWhen(start: Date, end: Date, timeZone: string, language: Language): string {
  return formatter(timeZone, language).formatRange(start, end);
}

// Building an Intl.DateTimeFormat costs ~0.3 ms; there are few zones and three languages.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, language: Language) {
  const key = `${language} ${timeZone}`;
  let format = formatters.get(key);
  if (format) return format;
  format = new Intl.DateTimeFormat(localeTag[language], {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  formatters.set(key, format);
  return format;
}
