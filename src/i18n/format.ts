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

const deadlineFormats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/**
 * A reply-by moment in running text, on the event's clock and in the reader's language:
 * "torsdag 18 mars 2027 kl. 10.30", "torsdag 18. mars 2027 kl. 10.30", "Thursday 18 March
 * 2027 at 10:30". No zone name: it is the event's own zone, as the event's times are.
 */
export function formatDeadline(at: Date, timeZone: string, language: Language): string {
  const key = `${language} ${timeZone}`;
  let f = deadlineFormats.get(key);
  if (!f) {
    const tag = localeTag[language];
    f = {
      day: new Intl.DateTimeFormat(tag, { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    };
    deadlineFormats.set(key, f);
  }
  const [hh, mm] = f.time.format(at).split(":");
  // Swedish and Norwegian write "kl. 10.30" in running text (GLOSSARY.md).
  // en-GB puts a comma after the weekday; GLOSSARY.md writes "Saturday 13 February 2027".
  return language === "en" ? `${f.day.format(at).replace(",", "")} at ${hh}:${mm}` : `${f.day.format(at)} kl. ${hh}.${mm}`;
}
