import type { Context } from "hono";
import { CSV_TYPE, toCsv, toXlsx, XLSX_TYPE, type CsvSeparator, type Table } from "../lib/spreadsheet";

/**
 * `attachment` with a plain ASCII `filename` for old clients and an RFC 5987 `filename*`
 * (UTF-8, percent-encoded) so a Swedish letter in the name survives.
 */
export function contentDisposition(filename: string) {
  const ascii = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "_") || "download";
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type SheetFormat = "csv" | "xlsx";

/** `?sep=semicolon` asks for the variant Swedish Excel splits into columns by itself. */
export const csvSeparator = (c: Context): CsvSeparator => (c.req.query("sep") === "semicolon" ? "semicolon" : "comma");

/** A table as a file download: personal data, so never stored by a cache on the way. */
export async function sendTable(c: Context, table: Table, { format, basename, sheet }: { format: SheetFormat; basename: string; sheet?: string }) {
  const headers = {
    "Content-Disposition": contentDisposition(`${basename}.${format}`),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "csv") return c.body(toCsv(table, csvSeparator(c)), 200, { ...headers, "Content-Type": CSV_TYPE });
  const bytes = await toXlsx(table, sheet);
  return c.body(bytes, 200, { ...headers, "Content-Type": XLSX_TYPE });
}
