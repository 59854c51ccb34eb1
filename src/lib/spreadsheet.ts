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

export type Cell = string | number | null;

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
 * A text that a spreadsheet would read as a formula (or as the start of one, after a tab
 * or carriage return) gets a leading apostrophe, as OWASP advises against CSV injection.
 * Numbers stay numbers: a negative count is data, not a formula.
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const safeRows = (table: Table) => [table.columns.map((c) => c.header), ...table.rows].map((row) => row.map(neutralise));

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
    const cell = row[index];
    const text = cell === null || cell === undefined ? "" : String(cell);
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

/**
 * An .xlsx workbook of one sheet: a bold, frozen header row and columns wide enough for
 * their contents. Text cells carry the "@" (text) format so Excel keeps a phone number
 * or a date written as text exactly as written.
 */
export async function toXlsx(table: Table, sheet = "Sheet 1"): Promise<Uint8Array<ArrayBuffer>> {
  const [header, ...rows] = safeRows(table);
  const data: SheetData = [
    header!.map((value) => ({ value: value ?? "", fontWeight: "bold" as const })),
    ...rows.map((row) =>
      row.map((value) => (typeof value === "number" ? { value, type: Number } : value ? { value, type: String, format: "@" } : null)),
    ),
  ];
  const columns = table.columns.map((c, i) => ({ width: c.width ?? guessWidth(table, i) }));
  const blob = await writeXlsx(data, { columns, sheet: sheetName(sheet) || "Sheet 1", stickyRowsCount: 1 }, undefined, noImages);
  return new Uint8Array(await blob.arrayBuffer());
}

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
