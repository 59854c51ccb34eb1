import { Hono } from "hono";
import { html } from "hono/html";
import { secureHeaders } from "hono/secure-headers";
import type { AppContext, AppEnv } from "../env";
import { assetUrl } from "../web/assets/catalog";
import { OPENAPI_PATH } from "./openapi/document";

/**
 * `/api/docs`: the API's reference, Swagger UI over /api/v1/openapi.json. Everything it
 * loads is served from here: the script and stylesheet of the installed swagger-ui-dist
 * (kept as strings in src/http/api/vendor/swaggerUi.ts, generated; the Worker has no files
 * to read) and the few lines that start it, so the policy names no other origin.
 */

// Imported on the first request for them: nearly 2 MB that neither a test nor a Node
// process that never shows the page needs to parse. In the Worker's bundle it is part of
// the one script all the same.
const vendored = () => import("./vendor/swaggerUi").then((m) => m.swaggerUi);

// Swagger UI sets styles through the DOM (allowed by style-src 'self') and draws its icons
// as data: SVGs; "Try it out" calls the API on this origin. validatorUrl: null keeps it from
// sending the description to swagger.io's validator.
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    formAction: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: "no-referrer",
});

const start = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: ${JSON.stringify(OPENAPI_PATH)},
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
`;

const page = (version: string) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Plats API</title>
    <link rel="icon" href="${assetUrl["icon.svg"]}" type="image/svg+xml" />
    <link rel="stylesheet" href="/api/docs/swagger-ui.css?v=${version}" />
    <script src="/api/docs/swagger-ui-bundle.js?v=${version}" defer></script>
    <script src="/api/docs/start.js" defer></script>
  </head>
  <body>
    <main id="swagger-ui" aria-label="Plats API"></main>
  </body>
</html>`;

// The files carry the package's version in their URL, so a browser may keep them a day;
// the page itself is read afresh.
const file = (body: string, type: string) =>
  new Response(body, { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });

const showPage = async (c: AppContext) => {
  const { version } = await vendored();
  c.header("cache-control", "no-cache");
  return c.html(page(version));
};

/** Mounted at `/api`: the page answers as /api/docs and /api/docs/ alike. */
export const docsRoutes = new Hono<AppEnv>()
  .use("/docs/*", headers)
  .get("/docs", showPage)
  .get("/docs/", showPage)
  .get("/docs/swagger-ui-bundle.js", async () => file((await vendored()).script, "text/javascript; charset=utf-8"))
  .get("/docs/swagger-ui.css", async () => file((await vendored()).stylesheet, "text/css; charset=utf-8"))
  .get("/docs/start.js", () => file(start, "text/javascript; charset=utf-8"));
