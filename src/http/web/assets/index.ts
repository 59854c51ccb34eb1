import { Hono } from "hono";
import { etag } from "hono/etag";
import type { AppEnv } from "../../env";
import { checkinScript } from "./checkinScript";
import { embedScript, frameScript } from "./scripts";
import { stylesheet } from "./style";
import { adminStylesheet } from "./admin";
import { adminScript } from "./adminScript";
import { iconSvg } from "./icon";

// Revalidated cheaply (ETag) rather than cached forever: the URLs carry no version.
const cache = "public, max-age=3600";

/** The pages' stylesheet and scripts, served from the app itself (no CDN, no build step). */
export const assetRoutes = (publicUrl: string) =>
  new Hono<AppEnv>()
    .use(etag())
    .get("/plats.css", (c) => c.body(stylesheet, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": cache }))
    .get("/admin.css", (c) => c.body(adminStylesheet, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": cache }))
    .get("/admin.js", (c) => c.body(adminScript, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": cache }))
    .get("/checkin.js", (c) => c.body(checkinScript, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": cache }))
    .get("/icon.svg", (c) => c.body(iconSvg, 200, { "Content-Type": "image/svg+xml", "Cache-Control": cache }))
    .get("/frame.js", (c) => c.body(frameScript, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": cache }))
    .get("/embed.js", (c) =>
      c.body(embedScript(new URL(publicUrl).origin), 200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": cache,
        // Loaded by the organisations' own sites.
        "Cross-Origin-Resource-Policy": "cross-origin",
      }),
    );
