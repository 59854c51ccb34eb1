import type { EmailData } from "../../emails";
import type { Language } from "../db/schema";
import { eventUrl, type ServiceContext } from "../domain/context";
import { eventInLanguage, type EventRow } from "../domain/events";
import { formatWhen } from "../i18n/format";

/**
 * What an email shows of its event, in the reader's language (the organiser's translated
 * words where given); the join link only where the caller says the reader may have it.
 */
export function emailEvent(ctx: ServiceContext, event: EventRow, language: Language, onlineUrl: string | null): EmailData["event"] {
  const words = eventInLanguage(event, language);
  return {
    title: words.title,
    when: formatWhen(event.startsAt, event.endsAt, event.timezone, language),
    venue: words.venue,
    address: words.address,
    url: eventUrl(ctx, event.slug),
    onlineUrl,
    offers: event.waitlistMode === "offer",
  };
}
