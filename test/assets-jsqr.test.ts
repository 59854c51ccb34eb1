import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { assets } from "../src/http/web/assets/catalog";
import { jsqr } from "../src/http/web/assets/vendor/jsqr";
import { qrLuma, rgbaOf } from "./helpers/qrPixels";

// The door's fallback QR reader is a copy of the jsqr package kept in the source (the
// Worker has no files to read it from). These say when the copy and the package part, and
// that the copy as served, minified, still reads a check-in code.
const require = createRequire(import.meta.url);
type JsQR = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: string }) => { data: string } | null;

describe("the door's QR reader (jsqr.js)", () => {
  it("is a copy of the installed jsqr package (after an upgrade: npx tsx test/helpers/vendorJsqr.ts)", () => {
    const installed = require("jsqr/package.json") as { version: string };
    const dist = readFileSync(require.resolve("jsqr/dist/jsQR.js"));
    expect(jsqr.version).toBe(installed.version);
    expect(jsqr.distSha256).toBe(createHash("sha256").update(dist).digest("hex"));
    expect(assets["jsqr.js"].body).toBe(jsqr.source);
    // Its licence notice travels with it.
    expect(jsqr.source.startsWith(`/*! jsQR ${jsqr.version} | https://github.com/cozmo/jsQR | Apache-2.0 */`)).toBe(true);
  });

  it("defines window.jsQR when run as a classic script, and reads a check-in QR code from pixels", () => {
    const scope: { jsQR?: JsQR } = {};
    // As in a page: `self` is the window; no module system is around.
    new Function("self", jsqr.source)(scope);
    expect(typeof scope.jsQR).toBe("function");
    const url = "https://plats.test/admin/c/reg_abcdefghjkmnpqrstvwx.ABCDE12345";
    const [width, height] = [640, 480];
    // The options checkin.js passes: both ways round, since a mail app in dark mode may
    // show the code light on dark.
    const luma = qrLuma(url, width, height);
    expect(scope.jsQR!(rgbaOf(luma), width, height, { inversionAttempts: "attemptBoth" })?.data).toBe(url);
    expect(scope.jsQR!(rgbaOf(luma.map((v) => 255 - v)), width, height, { inversionAttempts: "attemptBoth" })?.data).toBe(url);
    expect(scope.jsQR!(new Uint8ClampedArray(width * height * 4).fill(255), width, height)).toBeNull();
  });
});
