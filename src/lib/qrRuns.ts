import { encode } from "uqr";

/** Light modules around the code, as the QR standard asks; scanners need the margin. */
export const QUIET_ZONE = 4;

/**
 * The modules of a QR code as runs per row, `[dark, length]`: neighbouring modules of one
 * colour drawn as one piece keep an email's table and a page's SVG small. Error
 * correction L: a check-in link fits a small version, shown large and sharp on a screen.
 */
export function qrRuns(text: string): { size: number; rows: [boolean, number][][] } {
  const { data } = encode(text, { ecc: "L", border: QUIET_ZONE });
  const rows = data.map((row) => {
    const runs: [boolean, number][] = [];
    for (const dark of row) {
      const last = runs[runs.length - 1];
      if (last && last[0] === dark) last[1]++;
      else runs.push([dark, 1]);
    }
    return runs;
  });
  return { size: data.length, rows };
}

/** The dark modules as one SVG path (one rectangle per run), in module units. */
export function qrPath(text: string): { size: number; d: string } {
  const { size, rows } = qrRuns(text);
  let d = "";
  rows.forEach((runs, y) => {
    let x = 0;
    for (const [dark, n] of runs) {
      if (dark) d += `M${x} ${y}h${n}v1h-${n}z`;
      x += n;
    }
  });
  return { size, d };
}
