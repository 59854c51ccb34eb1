import type { Language } from "../../../db/schema";
import type { FieldIssue, ParamValue, Reason } from "../../../lib/errorCodes";
import { sayError } from "../../errors";
import { localeTag } from "../../messages";
import { en, type CodeWords } from "./en";
import { nb } from "./nb";
import { sv } from "./sv";

/**
 * The workspace's words for field codes and refusal reasons, complete in every language:
 * a member never reads an error in another language than the rest of the page.
 */
const catalogue: Record<Language, CodeWords> = { sv, nb, en };

// Years are written as years ("2027"), every other number as the language writes numbers
// ("10 080"); English keeps the API's plain digits.
const notCounts = new Set(["from", "to"]);
function localised(params: Readonly<Record<string, unknown>>, language: Language): Record<string, unknown> {
  if (language === "en") return params;
  const format = new Intl.NumberFormat(localeTag[language]);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "number" && !notCounts.has(k) ? format.format(v) : v]));
}

const wordsOf = (language: Language) => catalogue[language] ?? en;

/** A field error in the workspace's words. */
export const workspaceField = (issue: FieldIssue, language: Language) =>
  sayError(wordsOf(language).fields[issue.code], localised(issue, language), language);

/** A refusal in the workspace's words. */
export const workspaceError = (reason: Reason, params: Readonly<Record<string, ParamValue>>, language: Language) =>
  sayError(wordsOf(language).errors[reason], localised(params, language), language);
