import { encode } from "uqr";

/**
 * A QR code of `text` as grey pixels (0 dark, 255 light) on a light `width`×`height`
 * picture, centred and as large as whole pixels per module allow within 80% of the
 * shorter side: what a camera held over a phone's screen might see, minus the blur.
 */
export function qrLuma(text: string, width: number, height: number): Uint8Array {
  const { data } = encode(text, { ecc: "L", border: 4 });
  const size = data.length;
  const scale = Math.max(1, Math.floor((Math.min(width, height) * 0.8) / size));
  const left = Math.floor((width - size * scale) / 2);
  const top = Math.floor((height - size * scale) / 2);
  const luma = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < size * scale; y++)
    for (let x = 0; x < size * scale; x++) if (data[Math.floor(y / scale)]![Math.floor(x / scale)]) luma[(top + y) * width + left + x] = 0;
  return luma;
}

/** The same pixels as RGBA, the layout canvas ImageData (and so jsQR) takes. */
export function rgbaOf(luma: Uint8Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(luma.length * 4);
  luma.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
  return rgba;
}

/**
 * A still picture as a YUV4MPEG2 video (4:2:0, grey: both colour planes at 128), the
 * format chromium's fake camera plays from a file (`--use-file-for-fake-video-capture`).
 */
export function y4mOf(luma: Uint8Array, width: number, height: number, frames = 3): Buffer {
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), Buffer.from(luma), chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array(frames).fill(frame)]);
}
