import { describe, expect, it } from "vitest";
import { calendarEvent } from "../../src/calendar/fromEvent";
import type { events } from "../../src/db/schema";
import { parseRichText, richTextAsPlain, safeHref, type Block, type Inline } from "../../src/lib/richText";

// The description's formatting: a few kinds of block and inline, and nothing else. The
// parser builds a tree, never HTML; what hostile text could do is prove that nothing in it
// becomes a link to anything but a web page or a mail address, and that it costs no more
// than its length.
const text = (t: string): Inline => ({ kind: "text", text: t });
const p = (...children: Inline[]): Block => ({ kind: "paragraph", children });
const link = (href: string, ...children: Inline[]): Inline => ({ kind: "link", href, children });

/** Every link's address in a tree. */
function hrefs(blocks: Block[]): string[] {
  const walk = (nodes: Inline[]): string[] =>
    nodes.flatMap((n) => (n.kind === "link" ? [n.href, ...walk(n.children)] : n.kind === "strong" || n.kind === "em" ? walk(n.children) : []));
  return blocks.flatMap((b) => (b.kind === "paragraph" ? walk(b.children) : b.items.flatMap(walk)));
}

describe("the formatting a description may carry", () => {
  it("blank lines make paragraphs; single line breaks stay", () => {
    expect(parseRichText("En dag om lean.\n\nLunch ingår.\nFika också.")).toEqual([
      p(text("En dag om lean.")),
      p(text("Lunch ingår."), { kind: "break" }, text("Fika också.")),
    ]);
    expect(parseRichText("a\r\n\r\n\r\nb   \n")).toEqual([p(text("a")), p(text("b"))]);
    expect(parseRichText("")).toEqual([]);
    expect(parseRichText("  \n \n")).toEqual([]);
  });

  it("bullet and numbered lists, their start, indented continuation lines", () => {
    expect(parseRichText("Program:\n- Kaffe\n* Föredrag\n  om 5S\n\n3. Tre\n4) Fyra")).toEqual([
      p(text("Program:")),
      { kind: "list", ordered: false, start: 1, items: [[text("Kaffe")], [text("Föredrag"), { kind: "break" }, text("om 5S")]] },
      { kind: "list", ordered: true, start: 3, items: [[text("Tre")], [text("Fyra")]] },
    ]);
    // Not lists: no space after the marker, a year, a minus sum.
    expect(parseRichText("-5 grader\n2027 blir bra\n1.5 timmar").every((b) => b.kind === "paragraph")).toBe(true);
  });

  it("bold, italic, nested, and markers that are not emphasis", () => {
    expect(parseRichText("**Viktigt:** ta med *lunch*")).toEqual([
      p({ kind: "strong", children: [text("Viktigt:")] }, text(" ta med "), { kind: "em", children: [text("lunch")] }),
    ]);
    expect(parseRichText("**fet *och kursiv* text**")).toEqual([
      p({ kind: "strong", children: [text("fet "), { kind: "em", children: [text("och kursiv")] }, text(" text")] }),
    ]);
    expect(parseRichText("***båda***")).toEqual([p({ kind: "strong", children: [{ kind: "em", children: [text("båda")] }] })]);
    for (const plain of ["2 * 3 * 4", "**inte stängd", "*a **b* c**", "****", "a ** b ** c"]) {
      const shown = richTextAsPlain(plain);
      // Whatever nests or not, no letter is lost.
      expect(shown.replace(/\*/g, "")).toBe(plain.replace(/\*/g, ""));
    }
    expect(parseRichText("2 * 3 * 4")).toEqual([p(text("2 * 3 * 4"))]);
  });

  it("links: bare web addresses and [text](address), without the sentence's punctuation", () => {
    expect(parseRichText("Läs mer på https://techtank.se/lean. Eller [anmäl dig här](https://plats.se/e/x?a=1&b=2)!")).toEqual([
      p(
        text("Läs mer på "),
        link("https://techtank.se/lean", text("https://techtank.se/lean")),
        text(". Eller "),
        link("https://plats.se/e/x?a=1&b=2", text("anmäl dig här")),
        text("!"),
      ),
    ]);
    expect(hrefs(parseRichText("(se https://sv.wikipedia.org/wiki/Lean_(produktion))"))).toEqual(["https://sv.wikipedia.org/wiki/Lean_(produktion)"]);
    expect(hrefs(parseRichText("[Mejla oss](mailto:info@techtank.se) eller [**fet** länk](http://a.se)"))).toEqual(["mailto:info@techtank.se", "http://a.se/"]);
  });
});

describe("hostile descriptions", () => {
  it("tags are text: the tree has no kind that could carry them", () => {
    const blocks = parseRichText('<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n<a href="javascript:alert(1)">x</a>');
    expect(hrefs(blocks)).toEqual([]);
    expect(richTextAsPlain('<script>alert(1)</script>')).toBe("<script>alert(1)</script>");
  });

  it.each([
    "[klick](javascript:alert(1))",
    "[klick](javascript:alert)",
    "[klick](JavaScript:alert%281%29)",
    "[klick](data:text/html;base64,PHNjcmlwdD4=)",
    "[klick](vbscript:msgbox)",
    "[klick](//evil.example)",
    "[klick](/relative)",
    "[klick](https:evil)",
    "[klick](mailto:)",
    "[klick](file:///etc/passwd)",
    "javascript:alert(1)",
    "jav&#x61;script:alert(1)",
  ])("%s links nowhere, and its text is kept", (source) => {
    const blocks = parseRichText(source);
    expect(hrefs(blocks)).toEqual([]);
    expect(richTextAsPlain(source)).toBe(source);
  });

  it("quotes and angle brackets end an address: nothing can break out of the href attribute", () => {
    for (const source of ['https://a.se/"onmouseover="alert(1)', "https://a.se/'x", "https://a.se/<b>", "[x](https://a.se/\"y)"]) {
      for (const href of hrefs(parseRichText(source))) expect(href).not.toMatch(/["'<>\s`]/);
    }
    expect(safeHref("https://a.se/ b")).toBeNull();
    expect(safeHref("https://exa mple.se")).toBeNull();
    expect(safeHref("HTTPS://A.SE/x")).toBe("https://a.se/x");
    expect(safeHref("mailto:anna@techtank.se")).toBe("mailto:anna@techtank.se");
  });

  it("deep nesting stops at eight levels and keeps the rest as text", () => {
    const source = `${"*a **".repeat(40)}x${"** a*".repeat(40)}`;
    const blocks = parseRichText(source);
    let depth = 0;
    const deepest = (nodes: Inline[], d: number): void =>
      nodes.forEach((n) => {
        depth = Math.max(depth, d);
        if (n.kind === "strong" || n.kind === "em") deepest(n.children, d + 1);
      });
    deepest((blocks[0] as { children: Inline[] }).children, 0);
    expect(depth).toBeLessThanOrEqual(8);
    expect(richTextAsPlain(source).replace(/\*/g, "")).toBe(source.replace(/\*/g, ""));
  });

  it.each([
    ["unclosed markers", "**a ".repeat(50_000)],
    ["alternating markers", "*a **b ".repeat(30_000) + "c*".repeat(30_000)],
    ["brackets", "[".repeat(100_000) + "](" + "x".repeat(100_000)],
    ["link-like runs", "[a](https://a.se/".repeat(20_000)],
    ["one long address", "https://a.se/" + ")".repeat(100_000)],
    ["list lines", "- **a**\n".repeat(30_000)],
    ["many links", "https://a.se/x ".repeat(20_000)],
  ])("%s: ten times the longest description allowed, in linear time", (_, source) => {
    // Quadratic work on 200 000 characters would take minutes; linear takes well under a
    // second even on a busy machine. The 20 000 characters a description may have, a tenth.
    const started = performance.now();
    const blocks = parseRichText(source);
    richTextAsPlain(source);
    expect(blocks.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
    const small = performance.now();
    parseRichText(source.slice(0, 20_000));
    expect(performance.now() - small).toBeLessThan(300);
  });
});

describe("as plain text (calendar files)", () => {
  it("drops the markers, writes links' addresses after their text, and numbers lists", () => {
    expect(richTextAsPlain("**Program**\n\n1. Kaffe\n1. [Föredrag](https://a.se/p)\n\n- Lunch\n  ingår\n\nMejla [oss](mailto:a@b.se) eller https://c.se")).toBe(
      "Program\n\n1. Kaffe\n2. Föredrag (https://a.se/p)\n\n- Lunch\n   ingår\n\nMejla oss (a@b.se) eller https://c.se",
    );
    const plain = "En dag om lean.\n\nLunch ingår.";
    expect(richTextAsPlain(plain)).toBe(plain);
  });

  it("is what calendar files and links get as the event's description", () => {
    const row = { title: "Lean", description: "**Program**\n- [Föredrag](https://a.se/p)", venue: null, address: null, onlineUrl: null, startsAt: new Date(0), endsAt: new Date(1) };
    const event = calendarEvent(row as typeof events.$inferSelect, "https://plats.test/e/lean", false);
    expect(event.description).toBe("Program\n\n- Föredrag (https://a.se/p)");
    expect(calendarEvent({ ...row, description: null } as typeof events.$inferSelect, "x", false).description).toBeNull();
  });
});
