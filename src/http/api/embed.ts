import { html } from "hono/html";

/**
 * Adds what an organiser pastes into their own site: the form's embed URL and a snippet
 * (an iframe plus the small script that sizes it to its content). Escaped by `html`.
 */
export function withEmbed<T extends { url: string; title: string }>(view: T) {
  const url = `${view.url}?embed=1`;
  const script = `${new URL(view.url).origin}/assets/embed.js`;
  const snippet = html`<iframe src="${url}" title="${view.title}" data-plats-embed style="width:100%;min-height:720px;border:0" loading="lazy"></iframe>
<script src="${script}" async></script>`;
  return { ...view, embed: { url, snippet: String(snippet) } };
}
