/**
 * Runs inside the embedded form: tells the page around it how tall the form is, so the
 * iframe never needs its own scrollbar. Only height is sent, to the parent alone.
 */
export const frameScript = `(() => {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ plats: "height", height }, "*");
  };
  new ResizeObserver(send).observe(document.documentElement);
  window.addEventListener("load", send);
  send();
})();`;

/**
 * Runs on the organisation's own page beside the iframe snippet: sizes each Plats iframe
 * to the height its form reports. Messages are accepted only from Plats' own origin and
 * only for the iframe that sent them.
 */
export const embedScript = (origin: string) => `(() => {
  const origin = ${JSON.stringify(origin)};
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || !event.data || event.data.plats !== "height") return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 20000) return;
    for (const frame of document.querySelectorAll("iframe[data-plats-embed]")) {
      if (frame.contentWindow === event.source) {
        frame.style.height = height + "px";
        frame.style.minHeight = "0";
      }
    }
  });
})();`;
