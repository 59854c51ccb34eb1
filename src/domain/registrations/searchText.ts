import { and, sql, type SQL } from "drizzle-orm";
import { registrations } from "../../db/schema";
import { searchTextOf } from "../../lib/searchText";

/**
 * What a registration is found by: its `search_text` column, which every write of a name,
 * organisation or email sets with this (a signup, adding by hand, changing details,
 * anonymising), so SQL can match it with the very rule the door uses in JavaScript.
 */
export const registrationSearchText = (r: { name: string; organisation?: string | null; email: string }) =>
  searchTextOf([r.name, r.organisation, r.email]);

/**
 * Registrations whose search text holds every word (folded with `searchWords`): `instr`,
 * not LIKE, so `%` and `_` are the characters themselves. Undefined for no words.
 */
export const holdingEveryWord = (words: string[]): SQL | undefined =>
  words.length ? and(...words.map((w) => sql`instr(${registrations.searchText}, ${w}) > 0`)) : undefined;
