import { and, eq, ne, sql } from "drizzle-orm";
import { eventCovers, events } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { imageSize } from "../../lib/imageSize";
import { zodFieldErrors } from "../../lib/zodIssues";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { logoTypeOfExtension, sniffImage } from "../organisations";
import { coverAlt } from "../schemas";
import { refuseUnlessEditable } from "./eventRules";
import { findEvent } from "./eventView";

/**
 * The largest cover taken: a D1 row holds 2 MB, and a page's first image should load
 * quickly on a phone. Workers cannot resize without a wasm library, so a larger file is
 * refused with a size to save it at instead.
 */
export const COVER_MAX_BYTES = 512 * 1024;
/** Narrower than this looks blurred across a desktop page. */
export const COVER_MIN_WIDTH = 300;
/** Larger than this on either side is a camera original, not an image prepared for a page. */
export const COVER_MAX_SIDE = 4000;

/** The first 128 bits of the SHA-256 of the bytes, in hex: the cover's name in its URL. */
async function contentHash(bytes: Uint8Array) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Checks an uploaded file before it is read whole: present, at most COVER_MAX_BYTES (by
 * its size as uploaded), and a PNG, JPEG or WebP by its own first bytes.
 */
export function checkCoverFile(file: { size: number; head?: Uint8Array } | null) {
  if (!file || file.size === 0) throw invalid({ cover: { code: "required" } });
  if (file.size > COVER_MAX_BYTES) throw invalid({ cover: { code: "cover_too_large", kib: COVER_MAX_BYTES / 1024 } });
  const type = file.head ? sniffImage(file.head) : null;
  if (!type) throw invalid({ cover: { code: "cover_type" } });
  return type;
}

/** The whole file: its type, then its size in pixels from the header, within the limits. */
export function checkCover(bytes: Uint8Array) {
  const type = checkCoverFile({ size: bytes.byteLength, head: bytes.subarray(0, 16) });
  const size = imageSize(bytes, type);
  if (!size) throw invalid({ cover: { code: "cover_type" } });
  const { width, height } = size;
  if (width < COVER_MIN_WIDTH || width > COVER_MAX_SIDE || height > COVER_MAX_SIDE)
    throw invalid({ cover: { code: "cover_dimensions", minWidth: COVER_MIN_WIDTH, maxSide: COVER_MAX_SIDE, width, height } });
  return { type, width, height };
}

function parseAlt(alt: string | null | undefined) {
  const parsed = coverAlt.safeParse(alt ?? "");
  if (!parsed.success) throw invalid(Object.fromEntries(Object.values(zodFieldErrors(parsed.error)).map((issue) => ["coverAlt", issue])));
  return parsed.data || null;
}

/**
 * Makes the bytes the event's cover, or with `bytes` null changes only the alt text of
 * the cover it has; one batch with its audit entry. The row's update raises the event's
 * page version in the same statement (migrations/0007), so a kept public page is
 * rendered again at once. The cover before it is deleted in the same write.
 */
export async function setCover({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { id: string; bytes: Uint8Array | null; alt?: string | null };
  actor: Actor;
}) {
  const { event } = await findEvent(ctx, input.id, input.orgId);
  refuseUnlessEditable(event);
  const alt = parseAlt(input.alt);
  const where = and(eq(events.id, event.id), eq(events.orgId, input.orgId));
  if (!input.bytes) {
    if (!event.coverHash) throw invalid({ cover: { code: "required" } });
    if (alt === event.coverAlt) return { changed: false };
    await ctx.db.batch([
      ctx.db.update(events).set({ coverAlt: alt, updatedAt: ctx.now() }).where(where),
      auditEntry(ctx, actor, { action: "event.cover", subjectType: "event", subjectId: event.id, detail: { hash: event.coverHash, alt } }),
    ]);
    return { changed: true };
  }
  const { type, width, height } = checkCover(input.bytes);
  const hash = await contentHash(input.bytes);
  if (hash === event.coverHash && alt === event.coverAlt) return { changed: false };
  await ctx.db.batch([
    ctx.db.delete(eventCovers).where(and(eq(eventCovers.eventId, event.id), ne(eventCovers.hash, hash))),
    ctx.db.insert(eventCovers).values({ eventId: event.id, hash, contentType: type, bytes: input.bytes, createdAt: ctx.now() }).onConflictDoNothing(),
    ctx.db
      .update(events)
      .set({ coverHash: hash, coverType: type, coverWidth: width, coverHeight: height, coverAlt: alt, updatedAt: ctx.now() })
      .where(where),
    auditEntry(ctx, actor, {
      action: "event.cover",
      subjectType: "event",
      subjectId: event.id,
      detail: { hash, type, bytes: input.bytes.byteLength, width, height, alt },
    }),
  ]);
  return { changed: true };
}

/** Removes the cover (its bytes too), audited; removing none changes nothing and is not logged. */
export async function removeCover({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor: Actor }) {
  const { event } = await findEvent(ctx, input.id, input.orgId);
  refuseUnlessEditable(event);
  if (!event.coverHash) return { changed: false };
  await ctx.db.batch([
    ctx.db.delete(eventCovers).where(eq(eventCovers.eventId, event.id)),
    ctx.db
      .update(events)
      .set({ coverHash: null, coverType: null, coverWidth: null, coverHeight: null, coverAlt: null, updatedAt: ctx.now() })
      .where(and(eq(events.id, event.id), eq(events.orgId, input.orgId))),
    auditEntry(ctx, actor, { action: "event.cover_remove", subjectType: "event", subjectId: event.id, detail: { hash: event.coverHash } }),
  ]);
  return { changed: true };
}

/**
 * Gives a new event (a copy) the cover of another event of the same organisation: its
 * bytes are copied under the new event in one batch with the columns that name them, so
 * each event's cover is deleted with that event alone. Nothing happens when the source
 * has no cover or is another organisation's.
 */
export async function copyCover({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { fromId: string; toId: string } }) {
  const [from] = await ctx.db
    .select({ hash: events.coverHash, type: events.coverType, width: events.coverWidth, height: events.coverHeight, alt: events.coverAlt })
    .from(events)
    .where(and(eq(events.id, input.fromId), eq(events.orgId, input.orgId)));
  if (!from?.hash) return { changed: false };
  await ctx.db.batch([
    ctx.db.run(sql`INSERT OR IGNORE INTO event_covers (event_id, hash, content_type, bytes, created_at)
                   SELECT ${input.toId}, hash, content_type, bytes, ${ctx.now().getTime()} FROM event_covers
                   WHERE event_id = ${input.fromId} AND hash = ${from.hash}
                     AND EXISTS (SELECT 1 FROM events WHERE id = ${input.toId} AND org_id = ${input.orgId})`),
    ctx.db
      .update(events)
      .set({ coverHash: from.hash, coverType: from.type, coverWidth: from.width, coverHeight: from.height, coverAlt: from.alt })
      .where(and(eq(events.id, input.toId), eq(events.orgId, input.orgId))),
  ]);
  return { changed: true };
}

/**
 * A cover by its event's slug, hash and extension, as its hashed URL names it. Anything
 * else (an old hash, another event's, a wrong extension) is not found. A draft's cover is
 * served too: the organiser's preview shows it, and its URL cannot be guessed.
 */
export async function readCover({ ctx, input }: { ctx: ServiceContext; input: { slug: string; hash: string; ext: string } }) {
  const type = logoTypeOfExtension(input.ext);
  if (!type || !/^[0-9a-f]{32}$/.test(input.hash)) throw new AppError("not_found");
  const [row] = await ctx.db
    .select({ bytes: eventCovers.bytes, contentType: eventCovers.contentType })
    .from(eventCovers)
    .innerJoin(events, eq(events.id, eventCovers.eventId))
    .where(and(eq(events.slug, input.slug), eq(eventCovers.hash, input.hash), eq(eventCovers.contentType, type)));
  if (!row) throw new AppError("not_found");
  return row;
}
