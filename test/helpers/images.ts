// Small images for the logo tests: real files (the browser tests display them), and a
// way to make one of a given size (a PNG may carry bytes after its end).
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** A 1 × 1 PNG. */
export const PNG = fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

/** A 1 × 1 JPEG. */
export const JPEG = fromBase64(
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
);

/** A 1 × 1 WebP (lossless). */
export const WEBP = fromBase64("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

/** The image followed by zero bytes up to `size`. */
export function padded(image: Uint8Array, size: number) {
  const out = new Uint8Array(size);
  out.set(image);
  return out;
}
