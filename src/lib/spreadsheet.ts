// The entries that run in workerd. `csv-stringify/sync` reads Node's global Buffer at load
// time (workerd has none without nodejs_compat); its browser build carries its own.
import { stringify } from "csv-stringify/browser/esm/sync";
import type { SheetData } from "write-excel-file/universal";
// write-excel-file 4 has no exported entry that works in workerd for a real list: `/node`
// needs node:fs and node:stream, and `/universal` and `/browser` zip with fflate's async
// zip(), which hands any part over 160 kB (a sheet of about 250 attendees) to a Web
// Worker; workerd has none ("Worker is not defined"). The same package's synchronous
// variant zips with zipSync() in the calling thread. Not in the package's exports map, so
// imported by path (and the version pinned exactly in package.json); test/admin-exports.workerd.test.ts proves it under wrangler.
// @ts-expect-error -- an untyped internal module; typed by `XlsxSync` below.
import { generateXlsxFileSync } from "../../node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js";

type XlsxSync = (
  data: SheetData,
  options: { columns: { width: number }[]; sheet: string; stickyRowsCount: number },
  globalOptions: undefined,
  // Turns image contents into bytes; this sheet has no images.
  toBytes: (content: unknown) => Promise<Uint8Array>,
) => Promise<Blob>;
const writeXlsx = generateXlsxFileSync as XlsxSync;
const noImages = () => Promise.reject(new Error("images are not supported"));

/**
 * A moment as the event's own clock shows it, `2027-03-18 09:12`: text in CSV, a real
 * date cell in XLSX (a spreadsheet has no time zones, so the cell holds the wall clock).
 */
export interface ClockTime {
  clock: string;
}

export type Cell = string | number | ClockTime | null;

/** A cell as text, as CSV writes it. */
export const cellText = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? "" : typeof cell === "object" ? cell.clock : String(cell);

export interface Column {
  header: string;
  /** Width in characters for XLSX; guessed from the contents when left out. */
  width?: number;
}

/** One sheet of an export: the same rows feed CSV and XLSX alike. */
export interface Table {
  columns: Column[];
  rows: Cell[][];
}

export type CsvSeparator = "comma" | "semicolon";

/**
 * A CSV value that a spreadsheet would read as a formula (or as the start of one, after a
 * tab or carriage return) gets a leading apostrophe, as OWASP advises against CSV
 * injection. Numbers stay numbers: a negative count is data, not a formula. XLSX needs
 * none of this: a text cell there is never a formula, so it keeps what was typed.
 */
export function neutralise(cell: Cell): string | number | null {
  if (cell !== null && typeof cell === "object") return cell.clock;
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * A sheet read in pages: the columns, how many rows it holds (counted before the first
 * page, for the audit log) and the rows, a page at a time, so a long list is never whole
 * in memory on its way out as CSV.
 */
export interface SheetSource {
  columns: Column[];
  count: number;
  pages: AsyncIterable<Cell[][]>;
  /**
   * How to read the same rows again elsewhere (plain data a worker thread can be sent),
   * when the domain offers it: then the reading, not only the zipping, leaves the thread
   * that serves requests.
   */
  recipe?: SheetRecipe;
}

/** A sheet named by what makes it, for `sheetFromRecipe` in the domain. */
export interface SheetRecipe {
  kind: string;
  input: Record<string, unknown>;
}

/** Builds an .xlsx from a sheet; each runtime brings its own (Node: a worker thread). */
export type XlsxBuilder = (source: SheetSource, sheet: string) => Promise<Uint8Array<ArrayBuffer>>;

/** The builder of a runtime without threads (Workers): gathers the sheet and zips it in the request. */
export const buildInRequest: XlsxBuilder = async (source, sheet) => toXlsx(await wholeTable(source), sheet);

const csvOptions = (separator: CsvSeparator, bom: boolean) => ({
  bom,
  delimiter: separator === "semicolon" ? ";" : ",",
  record_delimiter: "windows" as const,
  // A CRLF record delimiter alone would leave a bare "\n" inside a value unquoted.
  quoted_match: /[\r\n]/,
  cast: { number: (n: number) => String(n) },
});

/** The header record with the BOM; then `csvRecords` for each page. Joined, they are `toCsv`. */
export const csvHeader = (columns: Column[], separator: CsvSeparator = "comma") =>
  stringify([columns.map((c) => neutralise(c.header))], csvOptions(separator, true));

export const csvRecords = (rows: Cell[][], separator: CsvSeparator = "comma") =>
  rows.length ? stringify(rows.map((row) => row.map(neutralise)), csvOptions(separator, false)) : "";

/**
 * CSV as spreadsheet programs open it: UTF-8 with a BOM (so å, ä, ö survive a double
 * click), CRLF between records and quotes around any value holding a line break. The
 * semicolon variant is what Excel with a Swedish locale splits into columns by itself.
 */
export function toCsv(table: Table, separator: CsvSeparator = "comma"): string {
  return csvHeader(table.columns, separator) + csvRecords(table.rows, separator);
}

/** The same CSV as `toCsv`, a page of records at a time. */
export async function* csvChunks(source: SheetSource, separator: CsvSeparator = "comma"): AsyncGenerator<string> {
  yield csvHeader(source.columns, separator);
  for await (const rows of source.pages) yield csvRecords(rows, separator);
}

/** A table already whole, as a sheet of one page. */
export const sheetOf = (table: Table): SheetSource => ({
  columns: table.columns,
  count: table.rows.length,
  pages: (async function* () {
    yield table.rows;
  })(),
});

/** A paged sheet gathered whole, for the one format that cannot be written in parts. */
export async function wholeTable(source: SheetSource): Promise<Table> {
  const rows: Cell[][] = [];
  for await (const page of source.pages) rows.push(...page);
  return { columns: source.columns, rows };
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

function guessWidth(table: Table, index: number) {
  let longest = table.columns[index]!.header.length;
  for (const row of table.rows) {
    const text = cellText(row[index]);
    // Only the first line counts: the rest wraps below it.
    longest = Math.max(longest, text.split("\n")[0]!.length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

const SHEET_NAME_MAX = 31;

/**
 * A title made into a name Excel accepts for a sheet (it refuses the whole file
 * otherwise): none of []:*?/\ or control characters, no apostrophe first or last, not
 * the reserved "History", and at most 31 UTF-16 units, cut between characters so an emoji
 * is never split in half. "" when nothing is left; the caller picks the fallback.
 */
export function sheetName(title: string): string {
  const cleaned = title
    .replace(/[[\]:*?/\\\u0000-\u001F\u007F]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^['\s]+/, "");
  let name = "";
  for (const ch of Array.from(cleaned)) {
    if (name.length + ch.length > SHEET_NAME_MAX) break;
    name += ch;
  }
  name = name.replace(/['\s]+$/, "");
  return name.toLowerCase() === "history" ? "" : name;
}

const CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** The cell of an XLSX sheet: numbers as numbers, moments as dates, the rest as text exactly as typed. */
function xlsxCell(value: Cell) {
  if (value === null || value === "") return null;
  if (typeof value === "number") return { value, type: Number };
  if (typeof value === "object") {
    const [, y, mo, d, h, mi] = CLOCK.exec(value.clock)!.map(Number);
    // write-excel-file counts a Date's days from its UTC value: the wall clock, as UTC.
    return { value: new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!)), type: Date, format: "yyyy-mm-dd hh:mm" };
  }
  // The "@" (text) format keeps a phone number as text when someone edits the cell.
  return { value, type: String, format: "@" };
}

/**
 * An .xlsx workbook of one sheet: a bold, frozen header row, columns wide enough for
 * their contents, text as typed (a text cell is never a formula, so nothing is
 * neutralised) and moments as date cells on the event's clock.
 */
export async function toXlsx(table: Table, sheet = "Sheet 1"): Promise<Uint8Array<ArrayBuffer>> {
  const data: SheetData = [
    table.columns.map((c) => ({ value: c.header, type: String, fontWeight: "bold" as const })),
    ...table.rows.map((row) => row.map(xlsxCell)),
  ];
  const columns = table.columns.map((c, i) => ({ width: c.width ?? guessWidth(table, i) }));
  const blob = await writeXlsx(data, { columns, sheet: sheetName(sheet) || "Sheet 1", stickyRowsCount: 1 }, undefined, noImages);
  return new Uint8Array(await blob.arrayBuffer());
}

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
