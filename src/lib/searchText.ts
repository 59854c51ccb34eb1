// One notion of "matches" for every search of people (the attendance list, the door), so
// the same words find the same people everywhere. The attendance list matches in SQL
// against a registration's stored search text (written with `searchTextOf`); the door
// matches here, with `matchesWords`. Both fold with `foldText` and ask for every word.

// Letters that are not a base letter plus an accent, so NFD leaves them whole; written
// the way people type them on a keyboard without them ("Ørjan" is found by "orjan").
const ligatures: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", ł: "l", đ: "d", ı: "i", þ: "th" };
const LIGATURES = /[øæœßłđıþ]/g;

/** Lower case without accents: "Söderström" and "SODERSTROM" both become "soderstrom". */
export const foldText = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(LIGATURES, (c) => ligatures[c]!);

/** The words of a query, folded; none for a blank one. */
export const searchWords = (q: string) => foldText(q).split(/\s+/).filter(Boolean);

/**
 * What a person is searched by (name, organisation, email, …), folded into one text. A
 * word never holds a space, so joining the fields cannot make a match across two of them.
 */
export const searchTextOf = (fields: (string | null | undefined)[]) => foldText(fields.filter(Boolean).join(" "));

/** Whether every word occurs somewhere in the fields, as typed: `%` is a percent sign. */
export function matchesWords(words: string[], fields: (string | null | undefined)[]): boolean {
  const hay = searchTextOf(fields);
  return words.every((w) => hay.includes(w));
}

/**
 * The words a search must test: each once, and none that another holds ("an" is found
 * wherever "anna" is), so a long query costs no more than its distinct words.
 */
export function essentialWords(words: string[]) {
  const distinct = [...new Set(words)];
  return distinct.filter((w) => !distinct.some((other) => other !== w && other.includes(w)));
}
