import type { events } from "../../db/schema";
import type { ServiceContext } from "../context";
import { logoExtension } from "../organisations";

type CoverColumns = Pick<typeof events.$inferSelect, "slug" | "title" | "coverHash" | "coverType" | "coverWidth" | "coverHeight" | "coverAlt">;

/** Where a cover is served: its content hash in the path, so the URL names these bytes for good. */
export const coverPath = (slug: string, hash: string, type: string) =>
  `/e/${encodeURIComponent(slug)}/cover/${hash}.${logoExtension(type) ?? "bin"}`;

/** What a page needs to show an event's cover without layout shift, or null. */
export interface CoverView {
  path: string;
  url: string;
  width: number;
  height: number;
  /** The organiser's alt text, else the event's title. */
  alt: string;
}

export function coverOf(ctx: Pick<ServiceContext, "publicUrl">, e: CoverColumns): CoverView | null {
  if (!e.coverHash || !e.coverType || !e.coverWidth || !e.coverHeight) return null;
  const path = coverPath(e.slug, e.coverHash, e.coverType);
  return { path, url: `${ctx.publicUrl}${path}`, width: e.coverWidth, height: e.coverHeight, alt: e.coverAlt ?? e.title };
}
