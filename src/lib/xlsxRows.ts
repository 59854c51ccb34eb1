import { unzipSync } from "fflate";
import type { TextRow } from "./delimitedText";

/** Why a workbook could not be read (not a zip, no sheet, too large unpacked). */
export class UnreadableWorkbook extends Error {}

// A sheet of a few thousand invitees unpacks to a few MB; more is not a list but a bomb.
const MAX_UNPACKED = 16 * 1024 * 1024;

/**
 * The archive's files we read, unpacked by fflate (on Node and workerd alike): the sheets
 * and the shared strings, none of them larger unpacked than MAX_UNPACKED by its header.
 */
function unpack(bytes: Uint8Array) {
  const wanted = (name: string) => name === "xl/sharedStrings.xml" || /^xl\/worksheets\/[^/]+\.xml$/.test(name);
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted(file.name)) return false;
        if (file.originalSize > MAX_UNPACKED) throw new UnreadableWorkbook("too large unpacked");
        return true;
      },
    });
    return new Map(Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]));
  } catch (err) {
    if (err instanceof UnreadableWorkbook) throw err;
    throw new UnreadableWorkbook("not a workbook");
  }
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const fromCode = (code: number, whole: string) => (code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole);
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === "#" ? fromCode(Number.parseInt(e[1] === "x" || e[1] === "X" ? e.slice(2) : e.slice(1), e[1] === "x" || e[1] === "X" ? 16 : 10), whole) : (entities[e] ?? whole),
  );
/** The text of an element's `<t>` runs (a rich text cell has several). */
const texts = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join("");

// A sheet ends at column XFD; a reference past it is not a workbook Excel wrote.
const MAX_COLUMNS = 16_384;
/** A column's letters as its index from 0: A → 0, AB → 27. */
function columnIndex(ref: string) {
  const index = [...ref.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  if (index >= MAX_COLUMNS) throw new UnreadableWorkbook("column out of range");
  return index;
}

/**
 * The first sheet of an XLSX workbook as rows of text, each with its row number: shared,
 * inline and plain cells; numbers as written. Only what a list of names needs; formulas
 * count by their cached value.
 */
export async function readXlsx(bytes: Uint8Array): Promise<TextRow[]> {
  const files = unpack(bytes);
  const sheetName = files.has("xl/worksheets/sheet1.xml") ? "xl/worksheets/sheet1.xml" : [...files.keys()].filter((n) => n.startsWith("xl/worksheets/")).sort()[0];
  if (!sheetName) throw new UnreadableWorkbook("no sheet");
  const shared = [...(files.get("xl/sharedStrings.xml") ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]!));
  const sheet = files.get(sheetName)!;
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
