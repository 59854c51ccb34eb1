import { parseRichText, type Inline } from "../../../lib/richText";

// The description's tree as elements. Every text goes through hono/jsx's escaping, and the
// only attribute written from the text is a link's href, which parseRichText has limited
// to http(s) and mailto addresses.
function Inlines({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((n) => {
        if (n.kind === "text") return n.text;
        if (n.kind === "break") return <br />;
        if (n.kind === "strong")
          return (
            <strong>
              <Inlines nodes={n.children} />
            </strong>
          );
        if (n.kind === "em")
          return (
            <em>
              <Inlines nodes={n.children} />
            </em>
          );
        // nofollow: organisers' links are theirs, not ours to vouch for.
        return (
          <a href={n.href} rel="noopener noreferrer nofollow">
            <Inlines nodes={n.children} />
          </a>
        );
      })}
    </>
  );
}

/** An event's description with its few kinds of formatting (see src/lib/richText.ts). */
export function Description({ text }: { text: string }) {
  return (
    <div class="description">
      {parseRichText(text).map((b) => {
        if (b.kind === "paragraph")
          return (
            <p>
              <Inlines nodes={b.children} />
            </p>
          );
        const items = b.items.map((item) => (
          <li>
            <Inlines nodes={item} />
          </li>
        ));
        return b.ordered ? <ol start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul>{items}</ul>;
      })}
    </div>
  );
}
