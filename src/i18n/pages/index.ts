import type { Language } from "../../db/schema";
import type { FieldCode, FieldIssue, ParamValue, Reason } from "../../lib/errorCodes";
import { sayError } from "../errors";
import { fill, localeTag } from "../messages";
import { en } from "./en";
import { nb } from "./nb";
import { sv } from "./sv";

/** Every string the attendee pages show, per language. `sv` is the reference. */
export type PageMessages = typeof sv;

const catalogue: Record<Language, PageMessages> = { sv, en, nb };
export const pageMessages = (language: Language): PageMessages => catalogue[language] ?? sv;

const rules = new Map<Language, Intl.PluralRules>();

/** "1 plats kvar" / "3 platser kvar": the form the language's plural rules pick for n. */
export function plural(language: Language, forms: { one: string; other: string }, n: number): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(localeTag[language])));
  return fill(rule.select(n) === "one" ? forms.one : forms.other, { n });
}

/** A field error in the pages' words; a code the pages have no words for asks to check the field. */
export function pageFieldError(t: PageMessages, issue: FieldIssue, language: Language): string {
  const words = (t.fieldErrors as Partial<Record<FieldCode, string>>)[issue.code];
  return words ? sayError(words, issue, language) : t.errors.check;
}

// To a reader, a signup window that is shut and a full event are one thing: "closed".
const signupRefusals = new Set<Reason>(["signup_not_open", "signup_closed", "signup_cancelled", "event_full", "full_no_waitlist"]);

/**
 * A refusal in the pages' words: its reason's own words, or else what its status means to
 * someone filling in a form ("not found", "too many attempts", …).
 */
export function pageRefusal(
  t: PageMessages,
  refusal: { reason: Reason; status: number; params: Readonly<Record<string, ParamValue>> },
  language: Language,
): { title: string; text: string } {
  const byStatus: Record<number, { title: string; text: string }> = {
    400: { title: t.badRequest, text: t.badRequestText },
    401: { title: t.forbidden, text: t.forbiddenText },
    403: { title: t.forbidden, text: t.forbiddenText },
    404: { title: t.notFound, text: t.notFoundText },
    409: { title: t.notPossible, text: t.closed },
    413: { title: t.forbidden, text: t.tooLargeText },
    429: { title: t.rateLimited, text: t.rateLimitedText },
  };
  const fallback = byStatus[refusal.status] ?? { title: t.serverError, text: t.serverErrorText };
  const words = (t.refusals as Partial<Record<Reason, string>>)[refusal.reason];
  return { title: signupRefusals.has(refusal.reason) ? t.closedTitle : fallback.title, text: sayError(words ?? fallback.text, refusal.params, language) };
}
