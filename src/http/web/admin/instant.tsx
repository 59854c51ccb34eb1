import type { Language } from "../../../db/schema";
import { localeTag } from "../../../i18n/messages";

// The audit log, and the messages, accounts and entries of the personal-data view, span
// events in several zones and moments with no event at all: they show UTC, and say so.
// (Registrations belong to one event each and show its own zone, as the attendance list does.)
const formats = new Map<Language, Intl.DateTimeFormat>();
const utc = (language: Language) => {
  let f = formats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag[language], {
      timeZone: "UTC",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(language, f);
  }
  return f;
};

/** "13 feb. 2027 08:30:05 UTC", "13. feb. 2027, 08:30:05 UTC", "13 Feb 2027, 08:30:05 UTC": in the reader's language. */
export const utcText = (at: Date, language: Language) => `${utc(language).format(at)} UTC`;

/** An instant as a <time> element, in UTC and the reader's language; "—" when there is none. */
export const Instant = ({ at, language }: { at: Date | null | undefined; language: Language }) =>
  at ? <time datetime={at.toISOString()}>{utcText(at, language)}</time> : <>—</>;
