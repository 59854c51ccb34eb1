import type { Language } from "../db/schema";
import { fill, localeTag } from "./messages";
import { plural } from "./pages";

// Building an Intl.DateTimeFormat costs ~0.3 ms; there are few zones and three languages.
const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formatsFor(timeZone: string, language: Language) {
  const key = `${language} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(localeTag[language], { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" }),
      time: new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    };
    formats.set(key, f);
  }
  return f;
}

/**
 * The parts of one moment on the event's clock: "torsdag 18 mars 2027" and "09.30" in
 * Swedish and Norwegian (a full stop between hours and minutes in running text),
 * "Thursday 18 March 2027" and "09:30" in English (en-GB's comma after the weekday left
 * out, as GLOSSARY.md writes it).
 */
function parts(at: Date, timeZone: string, language: Language) {
  const f = formatsFor(timeZone, language);
  const time = f.time.format(at);
  const day = f.day.format(at);
  return { day: language === "en" ? day.replace(",", "") : day, time: language === "en" ? time : time.replace(":", ".") };
}

/**
 * When an event is, in running text and the reader's language, on the event's own clock
 * and without a zone name (the event's zone is the one its readers are in):
 * "torsdag 18 mars 2027 kl. 09.30–16.30", "torsdag 18. mars 2027 kl. 09.30–16.30",
 * "Thursday 18 March 2027, 09:30–16:30"; across days both ends have their day; a moment
 * (start = end) is one time. Depends only on the arguments, never on the server's own TZ.
 */
export function formatWhen(start: Date, end: Date, timeZone: string, language: Language): string {
  const a = parts(start, timeZone, language);
  const at = (p: { day: string; time: string }) => (language === "en" ? `${p.day}, ${p.time}` : `${p.day} kl. ${p.time}`);
  if (end.getTime() === start.getTime()) return at(a);
  const b = parts(end, timeZone, language);
  return a.day === b.day ? `${at(a)}–${b.time}` : `${at(a)} – ${at(b)}`;
}

/**
 * A reply-by moment in running text, on the event's clock and in the reader's language:
 * "torsdag 18 mars 2027 kl. 10.30", "torsdag 18. mars 2027 kl. 10.30", "Thursday 18 March
 * 2027 at 10:30". No zone name: it is the event's own zone, as the event's times are.
 */
export function formatDeadline(at: Date, timeZone: string, language: Language): string {
  const p = parts(at, timeZone, language);
  return language === "en" ? `${p.day} at ${p.time}` : `${p.day} kl. ${p.time}`;
}

/** A day in running text, on `timeZone`'s calendar: "lördag 21 november 2026", "Saturday 21 November 2026". */
export const formatDay = (at: Date, timeZone: string, language: Language): string => parts(at, timeZone, language).day;

const numbers = new Map<Language, Intl.NumberFormat>();

/** A number as the reader's language writes it: "1 500" in sv and nb, "1,500" in en. */
export function formatNumber(n: number, language: Language): string {
  let f = numbers.get(language);
  if (!f) numbers.set(language, (f = new Intl.NumberFormat(localeTag[language])));
  return f.format(n);
}

/** "3 anmälningar": the plural form for n (its `{count}` or `{n}`), with n written the language's way. */
export const counted = (language: Language, forms: { one: string; other: string }, n: number) => {
  const asCount = (form: string) => form.replace(/\{n\}/g, "{count}");
  return fill(plural(language, { one: asCount(forms.one), other: asCount(forms.other) }, n), { count: formatNumber(n, language) });
};

/**
 * The hours of a part of a day, on the event's clock, for a list under that day's heading:
 * "09.30–10.30" in Swedish and Norwegian, "09:30–10:30" in English; across days it is
 * `formatWhen`, both ends with their day.
 */
export function formatHours(start: Date, end: Date, timeZone: string, language: Language): string {
  const a = parts(start, timeZone, language);
  const b = parts(end, timeZone, language);
  return a.day === b.day ? `${a.time}–${b.time}` : formatWhen(start, end, timeZone, language);
}
