import type { Language } from "../../db/schema";
import type { ParamValue } from "../../lib/errorCodes";
import { fill, localeTag } from "../messages";

export { englishFields, englishReasons } from "./en";

/**
 * Fills a catalogue's template with an error's parameters. A list (the options of
 * `one_of`) is written as the language writes alternatives: "sv, en or nb".
 */
export function sayError(template: string, params: Record<string, unknown>, language: Language = "en"): string {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key === "code") continue;
    values[key] = Array.isArray(value)
      ? new Intl.ListFormat(localeTag[language], { type: "disjunction" }).format(value as string[])
      : (value as Exclude<ParamValue, readonly string[]>);
  }
  return fill(template, values);
}
