import type { organisations } from "../../db/schema";
import type { ServiceContext } from "../context";

/** The largest logo taken: small enough for a D1 row (2 MB) and for an email to load quickly. */
export const LOGO_MAX_BYTES = 256 * 1024;

/** The image types taken, as their files start. SVG is refused: it can carry scripts and most mail clients do not show it. */
const imageKinds = [
  { type: "image/png", ext: "png", starts: (b: Uint8Array) => matches(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/jpeg", ext: "jpg", starts: (b: Uint8Array) => matches(b, 0, [0xff, 0xd8, 0xff]) },
  // RIFF, a length, then WEBP.
  { type: "image/webp", ext: "webp", starts: (b: Uint8Array) => matches(b, 0, [0x52, 0x49, 0x46, 0x46]) && matches(b, 8, [0x57, 0x45, 0x42, 0x50]) },
] as const;

export type LogoType = (typeof imageKinds)[number]["type"];

const matches = (bytes: Uint8Array, at: number, expected: number[]) => expected.every((v, i) => bytes[at + i] === v);

/** The image's real type, read from its first bytes (never from the name or the declared type); null for anything else. */
export const sniffImage = (bytes: Uint8Array): LogoType | null => imageKinds.find((k) => k.starts(bytes))?.type ?? null;

export const logoExtension = (type: string) => imageKinds.find((k) => k.type === type)?.ext ?? null;
export const logoTypeOfExtension = (ext: string): LogoType | null => imageKinds.find((k) => k.ext === ext)?.type ?? null;

/** Where a logo is served: its content hash in the path, so the URL names these bytes for good. */
export const logoPath = (orgSlug: string, hash: string, type: string) =>
  `/o/${encodeURIComponent(orgSlug)}/logo/${hash}.${logoExtension(type) ?? "bin"}`;

/** A phone number as a tel: link: digits and a leading + only. */
export const telHref = (phone: string) => `tel:${phone.trim().startsWith("+") ? "+" : ""}${phone.replace(/\D/g, "")}`;

// WCAG 2 relative luminance and contrast ratio.
function luminance(hex: string) {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export function contrast(a: string, b: string) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (n: number) => Math.round(n).toString(16).padStart(2, "0");

/** The colour a share of the way to black. */
function darken(hex: string, share: number) {
  const c = [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) * (1 - share));
  return `#${c.map(toHex).join("")}`;
}

/** The palest background accent-coloured text stands on (the pages' grey). */
const PALEST_BACKGROUND = "#f5f7fa";
const AA = 4.5;

export interface Palette {
  /** The organisation's colour, for buttons and borders. */
  accent: string;
  /** Text on the accent: white, or black where white would not reach AA contrast. */
  onAccent: string;
  /** The accent for text and links on the pages' light backgrounds, darkened until it reaches AA. */
  accentText: string;
}

/**
 * What an accent colour becomes where people read: any colour the organisation picks
 * keeps text legible (WCAG AA, 4.5:1), so a pale brand colour cannot make a button or a
 * link unreadable. Black or white on a colour always reaches 4.5:1 with one of them.
 */
export function palette(accent: string): Palette {
  const onAccent = contrast(accent, "#ffffff") >= AA ? "#ffffff" : "#000000";
  let accentText = accent;
  for (let share = 0.05; contrast(accentText, PALEST_BACKGROUND) < AA && share <= 1; share += 0.05) accentText = darken(accent, share);
  return { accent, onAccent, accentText };
}

/** What the public pages and the emails show of an organisation's branding. */
export interface PublicBrand {
  name: string;
  palette: Palette | null;
  /** The logo's path on this site (pages) and its absolute URL (emails, the API). */
  logo: { path: string; url: string } | null;
  contactEmail: string | null;
  contactPhone: string | null;
  footer: string | null;
}

type OrganisationRow = Pick<
  typeof organisations.$inferSelect,
  "slug" | "name" | "accentColor" | "contactEmail" | "contactPhone" | "footer" | "logoHash" | "logoType"
>;

export function publicBrand(ctx: Pick<ServiceContext, "publicUrl">, o: OrganisationRow): PublicBrand {
  const path = o.logoHash && o.logoType ? logoPath(o.slug, o.logoHash, o.logoType) : null;
  return {
    name: o.name,
    palette: o.accentColor ? palette(o.accentColor) : null,
    logo: path ? { path, url: `${ctx.publicUrl}${path}` } : null,
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone,
    footer: o.footer,
  };
}
