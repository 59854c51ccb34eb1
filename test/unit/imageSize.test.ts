import { describe, expect, it } from "vitest";
import { imageSize } from "../../src/lib/imageSize";
import { JPEG, PNG, WEBP, jpegHeaderOfSize, pngOfSize, webpHeaderOfSize } from "../helpers/images";

// A cover's size is read from its header, never by decoding: each format's header, and
// files that are cut short or lie about their parts, which must give null and never throw.
describe("an image's size from its header", () => {
  it("PNG (IHDR), JPEG (start of frame, after other segments) and WebP (VP8L, VP8X)", () => {
    expect(imageSize(PNG, "image/png")).toEqual({ width: 1, height: 1 });
    expect(imageSize(pngOfSize(1600, 900), "image/png")).toEqual({ width: 1600, height: 900 });
    expect(imageSize(JPEG, "image/jpeg")).toEqual({ width: 1, height: 1 });
    expect(imageSize(jpegHeaderOfSize(1200, 630), "image/jpeg")).toEqual({ width: 1200, height: 630 });
    expect(imageSize(WEBP, "image/webp")).toEqual({ width: 1, height: 1 });
    expect(imageSize(webpHeaderOfSize(1920, 1080), "image/webp")).toEqual({ width: 1920, height: 1080 });
  });

  it("a lossy WebP (VP8) reads its key frame's size", () => {
    const b = new Uint8Array(30);
    b.set(new TextEncoder().encode("RIFF"), 0);
    b.set(new TextEncoder().encode("WEBPVP8 "), 8);
    b.set([0x9d, 0x01, 0x2a, 0x80, 0x07, 0x38, 0x04], 23);
    expect(imageSize(b, "image/webp")).toEqual({ width: 1920, height: 1080 });
  });

  it("cut short, lying or of another type: null, never an exception", () => {
    const cases: [Uint8Array, string][] = [
      [PNG.subarray(0, 20), "image/png"],
      [JPEG.subarray(0, 10), "image/jpeg"],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00]), "image/jpeg"],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08]), "image/jpeg"],
      [new Uint8Array([0xff, 0xd8, 0x00, 0x00]), "image/jpeg"],
      [WEBP.subarray(0, 24), "image/webp"],
      [jpegHeaderOfSize(0, 0), "image/jpeg"],
      [PNG, "image/gif"],
    ];
    for (const [bytes, type] of cases) expect(imageSize(bytes, type), `${type} ${bytes.length}`).toBeNull();
    // A JPEG whose segments claim lengths running past the end.
    const long = new Uint8Array(64 * 1024).fill(0xff);
    long.set([0xff, 0xd8], 0);
    expect(() => imageSize(long, "image/jpeg")).not.toThrow();
  });
});
