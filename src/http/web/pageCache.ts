import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../env";
import { pageLanguage } from "./language";
import type { CachedPage, PageCacheOptions } from "./pageStore";

export type { CachedPage, PageCacheOptions, PageFacts, PageStore } from "./pageStore";

// Pages with any other query (a form's error state, a tracking tag) are rendered each time,
// so the number of copies per page stays small and a query can never fill the store.
const CACHEABLE_QUERY: Record<string, RegExp> = { lang: /^(sv|en|nb)$/, embed: /^1$/, org: /^[a-z0-9-]{1,64}$/ };

/**
 * The key of this request's page, or null when it is not kept. The language is named in
 * it as the page would choose it (an edge cache ignores `Vary: Accept-Language`).
 */
export function pageKey(c: AppContext): string | null {
  const url = new URL(c.req.url);
  const params = [...url.searchParams];
  if (params.some(([k, v]) => !CACHEABLE_QUERY[k]?.test(v)) || new Set(params.map(([k]) => k)).size !== params.length) return null;
  // The query stays in its order: the page's language links repeat it as it came.
  return `${url.pathname}${url.search}${url.search ? "&" : "?"}as=${pageLanguage(c)}`;
}

/** A strong ETag for a body: the first 96 bits of its SHA-256. */
async function etagOf(body: string) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
  return `"${btoa(String.fromCharCode(...digest.subarray(0, 12))).replace(/\+/g, "-").replace(/\//g, "_")}"`;
}

const matches = (c: AppContext, etag: string) =>
  (c.req.header("if-none-match") ?? "").split(",").some((t) => t.trim().replace(/^W\//, "") === etag);

function answer(c: AppContext, page: CachedPage) {
  const headers = new Headers(page.headers);
  headers.set("ETag", page.etag);
  headers.set("Cache-Control", "no-cache");
  if (matches(c, page.etag)) {
    headers.delete("Content-Type");
    return new Response(null, { status: 304, headers });
  }
  return new Response(page.body, { status: 200, headers });
}

/**
 * Public pages rendered once per change, not once per request. A kept page is served as
 * it is for `freshMs` (the counts it shows may be that much behind; the seat itself is
 * decided in the write); after that, `restamp` (one indexed row) tells whether it is
 * still the page, and only a page whose stamp moved is rendered again. A page is never
 * served past the moment it changes by itself. Answers with an ETag; a matching
 * If-None-Match gets 304.
 */
export function cachedPages({
  store,
  freshMs,
  restamp,
}: PageCacheOptions & {
  /** The page's current stamp; without it a page is kept for `freshMs` only. */
  restamp?: (c: AppContext) => Promise<string | null>;
}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = store ? pageKey(c) : null;
    const now = c.var.ctx.now().getTime();
    if (key) {
      const kept = await store!.get(key);
      if (kept && (kept.changesAt === null || now < kept.changesAt)) {
        if (now < kept.freshUntil) return answer(c, kept);
        if (restamp && kept.stamp !== null && (await restamp(c)) === kept.stamp) {
          const renewed = { ...kept, freshUntil: now + freshMs };
          await store!.put(key, renewed);
          return answer(c, renewed);
        }
      }
    }
    await next();
    const facts = c.get("pageFacts");
    if (c.res.status !== 200 || !facts) return;
    const body = await c.res.clone().text();
    const page: CachedPage = {
      body,
      headers: [...c.res.headers],
      etag: await etagOf(body),
      stamp: facts.stamp,
      freshUntil: now + freshMs,
      changesAt: facts.changesAt,
    };
    if (key) await store!.put(key, page);
    c.res = answer(c, page);
  });
}
