import type { TextRow } from "./delimitedText";

/** Why a workbook could not be read (not a zip, no sheet, too large unpacked). */
export class UnreadableWorkbook extends Error {}

// A sheet of a few thousand invitees unpacks to a few MB; more is not a list but a bomb.
const MAX_UNPACKED = 16 * 1024 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The files of a zip archive by name, from its central directory (offsets and sizes as stored). */
function zipEntries(bytes: Uint8Array) {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--)
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new UnreadableWorkbook("not a zip");
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries = new Map<string, { method: number; size: number; offset: number }>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new UnreadableWorkbook("bad directory");
    const nameLength = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { method: u16(bytes, at + 10), size: u32(bytes, at + 20), offset: u32(bytes, at + 42) });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** One file of the archive as text, unpacked with the platform's own inflater (Node and workerd alike). */
async function entryText(bytes: Uint8Array, entry: { method: number; size: number; offset: number }) {
  const at = entry.offset;
  if (u32(bytes, at) !== 0x04034b50) throw new UnreadableWorkbook("bad entry");
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.size);
  if (entry.method === 0) return new TextDecoder().decode(data);
  if (entry.method !== 8) throw new UnreadableWorkbook("unknown compression");
  const reader = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_UNPACKED) throw new UnreadableWorkbook("too large unpacked");
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof UnreadableWorkbook) throw err;
    throw new UnreadableWorkbook("bad deflate");
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) out.set(p, (o += p.length) - p.length);
  return new TextDecoder().decode(out);
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === "#" ? String.fromCodePoint(Number.parseInt(e[1] === "x" || e[1] === "X" ? e.slice(2) : e.slice(1), e[1] === "x" || e[1] === "X" ? 16 : 10)) : (entities[e] ?? whole),
  );
/** The text of an element's `<t>` runs (a rich text cell has several). */
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join("");

/** A column's letters as its index from 0: A → 0, AB → 27. */
const columnIndex = (ref: string) => [...ref.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * The first sheet of an XLSX workbook as rows of text, each with its row number: shared,
 * inline and plain cells; numbers as written. Only what a list of names needs; formulas
 * count by their cached value.
 */
export async function readXlsx(bytes: Uint8Array): Promise<TextRow[]> {
  const entries = zipEntries(bytes);
  const sheetName = entries.has("xl/worksheets/sheet1.xml") ? "xl/worksheets/sheet1.xml" : [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort()[0];
  if (!sheetName) throw new UnreadableWorkbook("no sheet");
  const shared = entries.has("xl/sharedStrings.xml") ? [...(await entryText(bytes, entries.get("xl/sharedStrings.xml")!)).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!)) : [];
  const sheet = await entryText(bytes, entries.get(sheetName)!);
  const rows: TextRow[] = [];
  for (const row of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const line = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const cell of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1]!;
      const body = cell[2] ?? "";
      const ref = /\br="([A-Z]+\d*)"/.exec(attrs)?.[1];
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const text = type === "s" ? (shared[Number(value)] ?? "") : type === "inlineStr" ? texts(body) : unescapeXml(value ?? "");
      cells[ref ? columnIndex(ref) : cells.length] = text.trim();
    }
    const filled = Array.from(cells, (c) => c ?? "");
    if (filled.some((c) => c !== "")) rows.push({ line, cells: filled });
  }
  return rows;
}
