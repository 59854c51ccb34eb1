import type { EventTranslations, Language, Question } from "../../db/schema";

/** What `eventInLanguage` reads and replaces: an event row and an event view both have it. */
export interface Translatable {
  language: Language;
  title: string;
  description: string | null;
  venue: string | null;
  address: string | null;
  questions: Question[];
  translations: EventTranslations;
}

/**
 * The event as a reader of `language` sees it: its title, description, venue, address
 * and question labels from `translations[language]` where given, else its own. A
 * question's options and id stay as written: answers are stored by them, whichever
 * language the form was shown in. In the event's own language its own fields are its
 * words, so `translations[event.language]` is never shown (the API keeps it, so that
 * changing the event's language never throws an organiser's text away).
 */
export function eventInLanguage<T extends Translatable>(event: T, language: Language | null | undefined): T {
  if (!language || language === event.language) return event;
  const words = event.translations?.[language];
  if (!words) return event;
  const labels = words.questions ?? {};
  return {
    ...event,
    title: words.title || event.title,
    description: words.description || event.description,
    venue: words.venue || event.venue,
    address: words.address || event.address,
    // Own-property look-up: a question id is never "__proto__" (refused), but the
    // stored object came from JSON, so inherited names are no label either.
    questions: event.questions.map((q) => (Object.hasOwn(labels, q.id) && labels[q.id] ? { ...q, label: labels[q.id]! } : q)),
  };
}
