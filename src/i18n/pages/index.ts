import type { Language } from "../../db/schema";
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
