// The formatting an event's description may carry: paragraphs (blank lines), line
// breaks, bullet and numbered lists ("- ", "* ", "1. "), **bold**, *italic*, and links
// (bare http(s) addresses and [text](https://…), mailto: too in the bracket form).
// Nothing else: the text is parsed into a tree of these few kinds, never into HTML, and
// the page renders the tree with its escaping renderer, so no input can add a tag or an
// attribute. Every step is linear in the text's length (emphasis nests at most
// MAX_NESTING deep), so a long or hostile description costs no more than a long plain one.

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "break" }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "link"; href: string; children: Inline[] };

export type Block =
  | { kind: "paragraph"; children: Inline[] }
  | { kind: "list"; ordered: boolean; start: number; items: Inline[][] };

const MAX_NESTING = 8;
const BULLET = /^ {0,3}[-*] +(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)] +(.*)$/;

/** Only addresses that open a page or a mail program: no javascript:, data: or anything else a browser would run. */
export function safeHref(raw: string): string | null {
  if (!/^(https?:\/\/|mailto:)/i.test(raw) || /[\s<>"'`\\]/.test(raw)) return null;
  try {
    const url = new URL(raw);
    if (url.protocol === "mailto:") return /^mailto:[^@]+@[^@]+$/i.test(raw) ? raw : null;
    return url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

// [text](address) with a short text, or a bare http(s) address.
const LINKS = /\[([^\[\]\n]{1,300})\]\(([^()\s]{1,2000})\)|https?:\/\/[^\s<>"'`]+/gi;

/** A bare address's end: trailing punctuation belongs to the sentence, and a ")" only if it opened inside. */
function trimBare(url: string) {
  let unclosed = 0;
  for (const c of url) unclosed += c === "(" ? 1 : c === ")" ? -1 : 0;
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last && ".,;:!?'\"".includes(last)) end--;
    else if (last === ")" && unclosed < 0) {
      end--;
      unclosed++;
    } else return url.slice(0, end);
  }
}

/** Appends without spreading: a long description may have more pieces than a call takes arguments. */
function append(target: Inline[], items: Inline[]) {
  for (const item of items) target.push(item);
  return target;
}

/** One line's links, with emphasis inside and between them. */
function inlineOf(line: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  // exec on the one compiled expression: matchAll would compile a copy for every line.
  LINKS.lastIndex = 0;
  for (let m = LINKS.exec(line); m; m = LINKS.exec(line)) {
    const start = m.index;
    if (start < at) continue;
    if (m[1] !== undefined) {
      const href = safeHref(m[2]!);
      // A link to anything but a web page or an address stays as the text it was.
      if (!href) continue;
      append(out, emphasisOf(line.slice(at, start))).push({ kind: "link", href, children: emphasisOf(m[1]) });
      at = start + m[0].length;
    } else {
      const bare = trimBare(m[0]);
      const href = safeHref(bare);
      if (!href) continue;
      append(out, emphasisOf(line.slice(at, start))).push({ kind: "link", href, children: [{ kind: "text", text: bare }] });
      at = start + bare.length;
    }
  }
  append(out, emphasisOf(line.slice(at)));
  return merged(out);
}

interface Frame {
  marker: "*" | "**" | null;
  /** The marker as written, given back as text when it is never closed. */
  children: Inline[];
}

/**
 * **bold** and *italic*, nested or not. A marker opens when a letter follows it and
 * closes when one precedes it (so "2 * 3" and "* " stay as written); markers never
 * closed are text. A stack of open markers, each closer popping to its opener, keeps
 * this linear.
 */
function emphasisOf(text: string): Inline[] {
  if (!text) return [];
  if (!text.includes("*")) return [{ kind: "text", text }];
  const stack: Frame[] = [{ marker: null, children: [] }];
  const top = () => stack[stack.length - 1]!;
  const open = { "*": 0, "**": 0 };
  const unwind = (frame: Frame) => append(top().children, [{ kind: "text", text: frame.marker! }, ...frame.children]);
  let plain = "";
  const flush = () => {
    if (plain) top().children.push({ kind: "text", text: plain });
    plain = "";
  };
  for (let i = 0; i < text.length; ) {
    if (text[i] !== "*") {
      const next = text.indexOf("*", i);
      const end = next === -1 ? text.length : next;
      plain += text.slice(i, end);
      i = end;
      continue;
    }
    let run = 0;
    while (text[i + run] === "*") run++;
    const before = text[i - 1];
    const after = text[i + run];
    const canClose = before !== undefined && !/\s/.test(before);
    const canOpen = after !== undefined && !/\s/.test(after);
    // "***" is bold and italic: opening, ** then *; closing, * then **.
    const markers: ("*" | "**")[] = run === 1 ? ["*"] : run === 2 ? ["**"] : run === 3 ? (canClose && (open["*"] || open["**"]) ? ["*", "**"] : ["**", "*"]) : [];
    if (!markers.length) plain += "*".repeat(run);
    for (const marker of markers) {
      if (canClose && open[marker] > 0) {
        flush();
        // Markers opened after this one and never closed are text.
        while (top().marker !== marker) {
          const frame = stack.pop()!;
          open[frame.marker!]--;
          unwind(frame);
        }
        const frame = stack.pop()!;
        open[marker]--;
        if (frame.children.length) top().children.push({ kind: marker === "**" ? "strong" : "em", children: merged(frame.children) });
        else top().children.push({ kind: "text", text: marker + marker });
      } else if (canOpen && stack.length <= MAX_NESTING) {
        flush();
        stack.push({ marker, children: [] });
        open[marker]++;
      } else plain += marker;
    }
    i += run;
  }
  flush();
  while (stack.length > 1) unwind(stack.pop()!);
  return merged(stack[0]!.children);
}

/** Neighbouring text pieces as one. */
function merged(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const last = out[out.length - 1];
    if (n.kind === "text" && last?.kind === "text") out[out.length - 1] = { kind: "text", text: last.text + n.text };
    else if (n.kind !== "text" || n.text) out.push(n);
  }
  return out;
}

/** Lines joined by line breaks. */
function linesOf(lines: string[]): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => append(i ? append(out, [{ kind: "break" }]) : out, inlineOf(line)));
  return out;
}

/** The description as blocks: paragraphs split by blank lines, and runs of list lines as lists. */
export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[][] } | null = null;
  const end = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", children: linesOf(paragraph) });
    if (list) blocks.push({ kind: "list", ordered: list.ordered, start: list.start, items: list.items.map(linesOf) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      end();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !!numbered;
      if (!list || list.ordered !== ordered) {
        end();
        list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      }
      list.items.push([(bullet ?? numbered)![bullet ? 1 : 2]!.trim()]);
    } else if (list && /^\s/.test(raw)) {
      // An indented line continues the item above it.
      list.items[list.items.length - 1]!.push(line.trim());
    } else {
      if (list) end();
      paragraph.push(line.trim());
    }
  }
  end();
  return blocks;
}

function plainInline(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (n.kind === "text") return n.text;
      if (n.kind === "break") return "\n";
      if (n.kind === "link") {
        const text = plainInline(n.children);
        const shown = n.href.replace(/^mailto:/i, "");
        return text === shown || safeHref(text) === n.href ? text : `${text} (${shown})`;
      }
      return plainInline(n.children);
    })
    .join("");
}

/**
 * The description as plain text for calendar files and other places without formatting:
 * the markers gone, a link as its text with the address after it, lists as "- " and "1. ".
 */
export function richTextAsPlain(source: string): string {
  return parseRichText(source)
    .map((b) =>
      b.kind === "paragraph"
        ? plainInline(b.children)
        : b.items.map((item, i) => `${b.ordered ? `${b.start + i}.` : "-"} ${plainInline(item).replace(/\n/g, "\n   ")}`).join("\n"),
    )
    .join("\n\n");
}
