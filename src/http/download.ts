import type { Context } from "hono";
import { csvChunks, CSV_TYPE, XLSX_TYPE, type CsvSeparator, type SheetSource } from "../lib/spreadsheet";
import type { AppEnv } from "./env";

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

/**
 * Text produced a part at a time as a response body: each part is read only when the
 * client has taken the one before, so a slow reader holds back the database reads too.
 * Once the first byte is out a failure can no longer become an error answer: it is
 * logged and the response broken off, so the client sees an incomplete download.
 */
export function textStream(parts: AsyncIterable<string>, what: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = parts[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await it.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        console.error(`${what}: the stream failed after it started`, err);
        controller.error(err);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/**
 * A sheet as a file download: personal data, so never stored by a cache on the way. CSV
 * is streamed a page at a time; XLSX (a zip, written whole) is built by the runtime's
 * builder, on Node in a worker thread, so the event loop keeps serving meanwhile.
 */
export async function sendSheet(
  c: Context<AppEnv>,
  source: SheetSource,
  { format, basename, sheet }: { format: SheetFormat; basename: string; sheet?: string },
) {
  const headers = {
    "Content-Disposition": contentDisposition(`${basename}.${format}`),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (format === "csv") return c.body(textStream(csvChunks(source, csvSeparator(c)), basename), 200, { ...headers, "Content-Type": CSV_TYPE });
  const bytes = await c.var.buildXlsx(source, sheet ?? "Sheet 1");
  return c.body(bytes, 200, { ...headers, "Content-Type": XLSX_TYPE });
}
