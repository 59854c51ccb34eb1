import type { Language } from "../../../db/schema";
import { invitee, type Invitee } from "../../../domain/access";
import { fill } from "../../../i18n/messages";
import { workspaceMessages } from "../../../i18n/workspace";
import { readDelimited, type TextRow } from "../../../lib/delimitedText";
import { readXlsx, UnreadableWorkbook } from "../../../lib/xlsxRows";

/** As many invitees as the domain takes in one list. */
export const MAX_INVITEES = 5000;
/** An uploaded list's largest file: thousands of lines, well inside the body limit of its route. */
export const MAX_LIST_FILE = 512 * 1024;

type Field = "email" | "name" | "organisation" | "seats" | "language";
const positions: Field[] = ["email", "name", "organisation", "seats", "language"];
// A header's names as organisers write them in the three languages (folded to lower case).
const headerNames: Record<string, Field> = {
  email: "email", "e-mail": "email", "e-post": "email", epost: "email", mail: "email",
  name: "name", namn: "name", navn: "name",
  organisation: "organisation", organization: "organisation", organisasjon: "organisation", company: "organisation", "företag": "organisation", bedrift: "organisation",
  seats: "seats", platser: "seats", plasser: "seats",
  language: "language", "språk": "language", lang: "language",
};

/** The columns a list's first row names, or null when it is a person (no header). */
function headerOf(row: TextRow): Field[] | null {
  const named = row.cells.map((c) => headerNames[c.trim().toLowerCase()]);
  return named.includes("email") ? named.map((f) => f ?? ("" as Field)) : null;
}

export interface ListLineError {
  line: number;
  text: string;
}

/**
 * A pasted or uploaded list as the domain's invitees, or every line's problem in the
 * reader's language. The header row is optional; without one the columns are email,
 * name, organisation, seats, language. Blank seats are one, a blank language the event's.
 */
export function inviteesOf(rows: TextRow[], language: Language): { invitees: Invitee[] } | { errors: ListLineError[] } {
  const t = workspaceMessages(language).access.errors;
  const header = rows[0] ? headerOf(rows[0]) : null;
  const body = header ? rows.slice(1) : rows;
  const columns = header ?? positions;
  if (!body.length) return { errors: [{ line: 0, text: t.empty }] };
  if (body.length > MAX_INVITEES) return { errors: [{ line: 0, text: fill(t.tooMany, { max: MAX_INVITEES }) }] };
  const invitees: Invitee[] = [];
  const errors: ListLineError[] = [];
  for (const row of body) {
    const cell = (f: Field) => row.cells[columns.indexOf(f)]?.trim() ?? "";
    const problems: string[] = [];
    const seats = cell("seats");
    if (seats && !/^\d{1,3}$/.test(seats)) problems.push(t.seats);
    const parsed = invitee.safeParse({
      email: cell("email"),
      ...(cell("name") ? { name: cell("name") } : {}),
      ...(cell("organisation") ? { organisation: cell("organisation") } : {}),
      ...(cell("language") ? { language: cell("language").toLowerCase() } : {}),
      ...(seats && /^\d{1,3}$/.test(seats) ? { seats: Number(seats) } : {}),
    });
    if (parsed.success && !problems.length) {
      invitees.push(parsed.data);
      continue;
    }
    const fields = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0] ?? "")));
    if (fields.has("email")) problems.unshift(fill(t.email, { value: cell("email") }));
    if (fields.has("seats")) problems.push(t.seats);
    if (fields.has("language")) problems.push(fill(t.language, { value: cell("language") }));
    if (fields.has("name")) problems.push(t.name);
    if (fields.has("organisation")) problems.push(t.organisation);
    for (const problem of problems) errors.push({ line: row.line, text: fill(t.line, { line: row.line, problem }) });
  }
  return errors.length ? { errors } : { invitees };
}

/** The rows of an uploaded file, CSV or XLSX by its content (a zip is a workbook), or null when it cannot be read. */
export async function rowsOfFile(file: File): Promise<TextRow[] | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return await readXlsx(bytes);
    } catch (err) {
      if (err instanceof UnreadableWorkbook) return null;
      throw err;
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  // A binary file (an old .xls, a picture) is not a list.
  if (text.includes("\u0000")) return null;
  return readDelimited(text);
}

