import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { swaggerUi } from "../src/http/api/vendor/swaggerUi";
import { swaggerUiFile, swaggerUiVersion, withoutSourceMap } from "./helpers/vendorSwaggerUi";
import { harness } from "./helpers/harness";

// Swagger UI for /api/docs is a copy of the swagger-ui-dist package kept in the source (the
// Worker has no files to read it from). This says when the copy and the package part.
describe("Swagger UI for the API's reference page", () => {
  it("is a copy of the installed swagger-ui-dist (after an upgrade: npx tsx test/helpers/vendorSwaggerUi.ts)", () => {
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    expect(swaggerUi.version).toBe(swaggerUiVersion);
    expect(swaggerUi.scriptSha256).toBe(sha(swaggerUiFile("swagger-ui-bundle.js")));
    expect(swaggerUi.stylesheetSha256).toBe(sha(swaggerUiFile("swagger-ui.css")));
    expect(swaggerUi.script).toBe(withoutSourceMap(swaggerUiFile("swagger-ui-bundle.js").toString("utf8")));
    expect(swaggerUi.stylesheet).not.toContain("sourceMappingURL");
  });

  it("is served by the app with the page that starts it", async () => {
    const h = await harness();
    try {
      const page = await h.app.request("/api/docs");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`/api/docs/swagger-ui-bundle.js?v=${swaggerUi.version}`);
      const script = await h.app.request("/api/docs/swagger-ui-bundle.js");
      expect(await script.text()).toBe(swaggerUi.script);
    } finally {
      h.close();
    }
  });
});
