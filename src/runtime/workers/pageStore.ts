import type { CachedPage, PageStore } from "../../http/web/pageStore";

// Kept this long at most; within it, a copy is served without asking D1 for the page's
// freshness time, then only while its stamp still matches.
const KEEP_SECONDS = 300;
// The Cache API keys by URL: a host of our own that never resolves, and the page's own
// path and query, which name its language explicitly (the edge ignores Vary).
const KEY_ORIGIN = "https://pages.plats.invalid";

/**
 * Rendered pages in the Cache API of the data centre. It works on a custom domain only:
 * on *.workers.dev, put() keeps nothing and every view is rendered (see docs/deploy.md).
 */
export function cacheApiPageStore(cache: Cache): PageStore {
  return {
    async get(key) {
      const res = await cache.match(KEY_ORIGIN + key);
      if (!res) return undefined;
      const meta = JSON.parse(res.headers.get("x-plats-page") ?? "null") as Omit<CachedPage, "body"> | null;
      return meta ? { ...meta, body: await res.text() } : undefined;
    },
    async put(key, { body, ...meta }) {
      const headers = { "Cache-Control": `max-age=${KEEP_SECONDS}`, "X-Plats-Page": JSON.stringify(meta) };
      await cache.put(KEY_ORIGIN + key, new Response(body, { headers }));
    },
  };
}
