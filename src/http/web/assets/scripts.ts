/**
 * Runs inside the embedded form: tells the page around it how tall the form is, so the
 * iframe never needs its own scrollbar, and, once, that a signup's result is showing
 * (with the height it has then), so the page can bring the frame's top into view: the
 * result loads where the submit button was, often far below. Only these are sent, to
 * the parent alone.
 */
export const frameScript = `(() => {
  if (window.parent === window) return;
  let last = 0;
  const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
  const send = () => {
    const h = height();
    if (h === last) return;
    last = h;
    window.parent.postMessage({ plats: "height", height: h }, "*");
  };
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
  send();
  if (document.querySelector("[data-plats-result]")) {
    window.addEventListener("load", () => window.parent.postMessage({ plats: "result", height: height() }, "*"));
  }
})();`;

/**
 * Runs on the organisation's own page beside the iframe snippet: sizes each Plats iframe
 * to the height its form reports, and scrolls a frame whose signup result has loaded
 * into view (smoothly, unless the reader asks for less motion). Messages are accepted
 * only from Plats' own origin and only for the iframe that sent them.
 */
export const embedScript = (origin: string) => `(() => {
  const origin = ${JSON.stringify(origin)};
  window.addEventListener("message", (event) => {
    const kind = event.data && event.data.plats;
    if (event.origin !== origin || (kind !== "height" && kind !== "result")) return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 20000) return;
    for (const frame of document.querySelectorAll("iframe[data-plats-embed]")) {
      if (frame.contentWindow !== event.source) continue;
      frame.style.height = height + "px";
      frame.style.minHeight = "0";
      if (kind === "result") {
        const still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        frame.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
      }
    }
  });
})();`;
