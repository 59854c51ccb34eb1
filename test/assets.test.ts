import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, assetUrl, type AssetName } from "../src/http/web/assets/catalog";
import { freshDatabase, type TestDatabase } from "./helpers/db";
import { startTestServer } from "./helpers/server";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";

// The same assertions over HTTP against both builds: the Node server and the Worker in
// workerd. What is checked is what a browser and a shared cache see.
interface Runtime {
  url: string;
  stop(): Promise<void> | void;
}

const runtimes: [string, () => Promise<Runtime>][] = [
  [
    "node",
    async () => {
      const db: TestDatabase = await freshDatabase();
      const server = await startTestServer(db.url);
      return { url: server.url, stop: async () => (await server.close(), db.destroy()) };
    },
  ],
  ["workerd", async (): Promise<Workerd> => sharedWorkerd()],
];

/** The tag a client can compute itself: the body's SHA-256, first 16 hex digits, quoted. */
const contentTag = (body: string) => `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
const names = Object.keys(assets) as AssetName[];
const types: Record<AssetName, string> = {
  "plats.css": "text/css; charset=utf-8",
  "admin.css": "text/css; charset=utf-8",
  "admin.js": "text/javascript; charset=utf-8",
  "checkin.js": "text/javascript; charset=utf-8",
  "jsqr.js": "text/javascript; charset=utf-8",
  "frame.js": "text/javascript; charset=utf-8",
  "sessions.js": "text/javascript; charset=utf-8",
  "icon.svg": "image/svg+xml",
};

describe.each(runtimes)("static assets on %s", (_name, start) => {
  let rt: Runtime;
  beforeAll(async () => {
    rt = await start();
  });
  afterAll(() => rt?.stop());
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${rt.url}${path}`, { headers });

  it("serves each asset under its versioned name, cached for a year", async () => {
    for (const name of names) {
      const url = assetUrl[name];
      expect(url, name).toMatch(new RegExp(`^/assets/${name.split(".")[0]}\\.[0-9a-f]{16}\\.${name.split(".")[1]}$`));
      const res = await get(url);
      const body = await res.text();
      expect(res.status, name).toBe(200);
      expect(body, name).toBe(assets[name].body);
      expect(res.headers.get("content-type"), name).toBe(types[name]);
      expect(res.headers.get("etag"), name).toBe(contentTag(body));
      // The version in the URL is the content's own hash: a new body is a new URL.
      expect(url, name).toContain(contentTag(body).slice(1, -1));
      expect(res.headers.get("cache-control"), name).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options"), name).toBe("nosniff");
    }
  });

  it("keeps the plain names working, cached briefly and revalidated", async () => {
    for (const name of names) {
      const res = await get(`/assets/${name}`);
      const body = await res.text();
      expect(res.status, name).toBe(200);
      expect(body, name).toBe(assets[name].body);
      expect(res.headers.get("content-type"), name).toBe(types[name]);
      expect(res.headers.get("etag"), name).toBe(contentTag(body));
      expect(res.headers.get("cache-control"), name).toBe("public, max-age=300");
    }
  });

  it("answers a matching If-None-Match with 304 and no body, under either name", async () => {
    for (const name of names) {
      const tag = contentTag(assets[name].body);
      for (const [path, cache] of [
        [assetUrl[name], "public, max-age=31536000, immutable"],
        [`/assets/${name}`, "public, max-age=300"],
      ] as const) {
        for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`, "*"]) {
          const res = await get(path, { "if-none-match": ifNoneMatch });
          expect(res.status, `${path} ${ifNoneMatch}`).toBe(304);
          expect(await res.text()).toBe("");
          expect(res.headers.get("etag")).toBe(tag);
          expect(res.headers.get("cache-control")).toBe(cache);
        }
        const stale = await get(path, { "if-none-match": '"0000000000000000"' });
        expect(stale.status, path).toBe(200);
        expect(await stale.text()).toBe(assets[name].body);
      }
    }
  });

  it("tags each body once: the ETag is the hash already in the page's URL, the same on every request", async () => {
    // assetUrl was fixed when the module loaded, before this server answered anything;
    // every response carries that same tag, so none of them hashed the body again.
    for (const name of names) {
      const known = `"${assetUrl[name].split(".").at(-2)}"`;
      const tags = await Promise.all(Array.from({ length: 5 }, async () => (await get(assetUrl[name])).headers.get("etag")));
      expect(tags, name).toEqual(Array(5).fill(known));
      const head = await fetch(`${rt.url}${assetUrl[name]}`, { method: "HEAD" });
      expect(head.headers.get("etag"), name).toBe(known);
    }
  });

  it("serves embed.js at its stable URL only, for other sites, with this deployment's origin", async () => {
    const res = await get("/assets/embed.js");
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(body).toContain(`const origin = ${JSON.stringify(rt.url)};`);
    expect(res.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const tag = res.headers.get("etag")!;
    expect(tag).toBe(contentTag(body));

    const again = await get("/assets/embed.js", { "if-none-match": tag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(tag);
    expect(again.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    // Pasted into organisations' pages once, so no versioned twin that could go stale.
    expect((await get(`/assets/embed.${tag.slice(1, -1)}.js`)).status).toBe(404);
  });

  it("answers another version's name with today's body, not for keeps; unknown names 404", async () => {
    const res = await get("/assets/plats.0123456789abcdef.css");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(assets["plats.css"].body);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    for (const path of ["/assets/nope.css", "/assets/plats.css.map", "/assets/plats.0123.css"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("links pages to assets that are served", async () => {
    for (const page of ["/", "/admin/login"]) {
      const html = await (await get(page)).text();
      const links = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(links.length, page).toBeGreaterThanOrEqual(2);
      for (const link of links) {
        const res = await get(link);
        expect(res.status, link).toBe(200);
        expect(res.headers.get("etag"), link).toBe(contentTag(await res.text()));
        expect(res.headers.get("cache-control"), link).toBe("public, max-age=31536000, immutable");
      }
    }
  });
});
