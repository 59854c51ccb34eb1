import type { Language } from "../db/schema";
import { en } from "./en";
import { nb } from "./nb";
import { sv } from "./sv";

/** Every string an email or page shows, per language. `sv` is the reference. */
export type Messages = typeof sv;

const catalogue: Record<Language, Messages> = { sv, en, nb };
export const messages = (language: Language): Messages => catalogue[language] ?? sv;

/** BCP 47 tags for Intl: how dates and numbers are written for each language. */
export const localeTag: Record<Language, string> = { sv: "sv-SE", en: "en-GB", nb: "nb-NO" };

/** Fills `{name}` placeholders. Values are plain text; escaping is the renderer's job. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
