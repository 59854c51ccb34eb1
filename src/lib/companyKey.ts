import { foldText } from "./searchText";

// Legal forms as they end (or, rarely, begin) a company's name in Sweden, Norway, Finland
// and in English: "Volvo Cars AB (publ)", "Kongsberg Gruppen ASA", "Wärtsilä Oyj", "Acme
// Ltd." all name the company without them. Written folded, as foldText leaves them.
const LEGAL_FORMS = new Set([
  "ab", "publ", "aktiebolag", "hb", "kb", "handelsbolag", "kommanditbolag", "ek", "for", "ekonomisk", "forening",
  "as", "asa", "aksjeselskap", "allmennaksjeselskap", "sa", "da", "ans", "ks",
  "oy", "oyj", "ltd", "limited", "plc", "llc", "inc", "corp", "co", "gmbh", "ag", "aps", "bv", "nv",
]);

/**
 * A company as a quota counts it: case, accents, spacing and punctuation folded and the
 * legal form left out, so "Volvo Cars AB", "volvo cars" and "VOLVO CARS AB (publ)" are one
 * company. Null when no company is given (a quota does not count those). "A/S" is read as
 * one form: its letters are split by the punctuation.
 */
export function companyKey(organisation: string | null | undefined): string | null {
  if (!organisation) return null;
  const words = foldText(organisation)
    .replace(/\ba\s*\/\s*s\b/g, " as ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!)) words.pop();
  while (words.length > 1 && LEGAL_FORMS.has(words[0]!)) words.shift();
  return words.length ? words.join(" ") : null;
}
