import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { swaggerUi } from "../src/http/api/vendor/swaggerUi";
import { OPENAPI_PATH } from "../src/http/api/openapi/document";
import { harness, type Harness } from "./helpers/harness";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";

// The API's description and its reference page from the Worker in workerd: the same
// document as the app makes in Node, and the page with Swagger UI's files from the bundle.
let w: Workerd;
let h: Harness;
beforeAll(async () => {
  [w, h] = await Promise.all([sharedWorkerd(), harness()]);
});
afterAll(() => h?.close());

describe("the API's description on workerd", () => {
  it("is the very document the Node app serves", async () => {
    const [fromWorker, fromNode] = await Promise.all([
      fetch(`${w.url}${OPENAPI_PATH}`).then(async (r) => (expect(r.status).toBe(200), r.json())),
      Promise.resolve(h.app.request(OPENAPI_PATH)).then((r) => r.json()),
    ]);
    expect(fromWorker).toEqual(fromNode);
  });

  it("serves /api/docs with Swagger UI's own files and a policy that names no other origin", async () => {
    for (const path of ["/api/docs", "/api/docs/"]) {
      const page = await fetch(`${w.url}${path}`);
      expect(page.status, path).toBe(200);
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/https?:|\*/);
      const body = await page.text();
      expect(body).toContain("<title>Plats API</title>");
      expect(body).not.toMatch(/src="https?:|href="https?:/);
    }
    const script = await fetch(`${w.url}/api/docs/swagger-ui-bundle.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toBe(swaggerUi.script);
    const css = await fetch(`${w.url}/api/docs/swagger-ui.css`);
    expect(await css.text()).toBe(swaggerUi.stylesheet);
    const start = await (await fetch(`${w.url}/api/docs/start.js`)).text();
    expect(start).toContain("validatorUrl: null");
    expect(start).toContain(JSON.stringify(OPENAPI_PATH));
  });
});
