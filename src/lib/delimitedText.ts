/** One record of a pasted list or CSV file: its cells and the line it starts on (from 1). */
export interface TextRow {
  line: number;
  cells: string[];
}

/**
 * The separator a list uses, from its first line with content: a tab (pasted from a
 * spreadsheet), a semicolon (Swedish and Norwegian Excel), else a comma.
 */
function separatorOf(text: string) {
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== "") ?? "";
  return first.includes("\t") ? "\t" : first.includes(";") ? ";" : ",";
}

/**
 * Rows of delimited text by the rules of RFC 4180 (the rules fast-csv follows): a field in
 * double quotes may hold the separator, line breaks and doubled quotes; blank lines are
 * left out; cells are trimmed. Each row keeps the line it began on, so an error can name it.
 */
export function readDelimited(input: string): TextRow[] {
  const text = input.replace(/^\uFEFF/, "");
  const sep = separatorOf(text);
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
    } else cell += ch;
  }
  endRow();
  return rows;
}
