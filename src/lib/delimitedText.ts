/** One record of a pasted list or CSV file: its cells and the line it starts on (from 1). */
export interface TextRow {
  line: number;
  cells: string[];
}

/**
 * The separator a list uses, from its first line with content: a tab (pasted from a
 * spreadsheet), a semicolon (Swedish and Norwegian Excel), else a comma.
 */
const separatorIn = (line: string) => (line.includes("\t") ? "\t" : line.includes(";") ? ";" : ",");
const separatorOf = (text: string) => separatorIn(text.split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "");

/**
 * Rows of delimited text by the rules of RFC 4180 (the rules fast-csv follows): a field in
 * double quotes may hold the separator, line breaks and doubled quotes; blank lines are
 * left out; cells are trimmed. Each row keeps the line it began on, so an error can name it.
 * A file has one separator (its first line's); a list pasted by hand (`eachLine`) may mix
 * them, so each record uses its own first line's.
 */
export function readDelimited(input: string, { eachLine = false } = {}): TextRow[] {
  const text = input.replace(/^\uFEFF/, "");
  let sep = separatorOf(text);
  const nextSeparator = (from: number) => {
    if (!eachLine) return;
    const end = text.slice(from).search(/\r|\n/);
    sep = separatorIn(end < 0 ? text.slice(from) : text.slice(from, from + end));
  };
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(cell.trim());
    cell = "";
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== "")) rows.push({ line: start, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === sep) endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      start = line;
      nextSeparator(i + 1);
    } else cell += ch;
  }
  endRow();
  return rows;
}
