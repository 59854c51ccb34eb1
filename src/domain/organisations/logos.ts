import { and, eq, ne } from "drizzle-orm";
import { organisationLogos, organisations } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { LOGO_MAX_BYTES, logoTypeOfExtension, sniffImage } from "./brand";

/** The first 128 bits of the SHA-256 of the bytes, in hex: the logo's name in its URL. */
async function contentHash(bytes: Uint8Array) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Checks an uploaded file: present, at most LOGO_MAX_BYTES, and a PNG, JPEG or WebP by
 * its own first bytes. `size` is the file's size as uploaded, so an oversized file is
 * refused without being read.
 */
export function checkLogo(file: { size: number; bytes?: Uint8Array } | null) {
  if (!file || file.size === 0) throw invalid({ logo: { code: "required" } });
  if (file.size > LOGO_MAX_BYTES) throw invalid({ logo: { code: "logo_too_large", kib: LOGO_MAX_BYTES / 1024 } });
  const type = file.bytes ? sniffImage(file.bytes) : null;
  if (!type) throw invalid({ logo: { code: "logo_type" } });
  return type;
}

/**
 * Makes the bytes the organisation's logo, in one batch with its audit entry. The logo
 * before it is deleted in the same write: its URL then answers 404, and emails sent
 * earlier show the alt text (the organisation's name) in its place.
 */
export async function setLogo({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { bytes: Uint8Array }; actor: Actor }) {
  const type = checkLogo({ size: input.bytes.byteLength, bytes: input.bytes });
  const hash = await contentHash(input.bytes);
  const [current] = await ctx.db.select({ hash: organisations.logoHash }).from(organisations).where(eq(organisations.id, input.orgId));
  if (current?.hash === hash) return { hash, type, changed: false };
  await ctx.db.batch([
    ctx.db.delete(organisationLogos).where(and(eq(organisationLogos.orgId, input.orgId), ne(organisationLogos.hash, hash))),
    ctx.db
      .insert(organisationLogos)
      .values({ orgId: input.orgId, hash, contentType: type, bytes: input.bytes, createdAt: ctx.now() })
      .onConflictDoNothing(),
    ctx.db.update(organisations).set({ logoHash: hash, logoType: type }).where(eq(organisations.id, input.orgId)),
    auditEntry(ctx, actor, {
      action: "organisation.logo",
      subjectType: "organisation",
      subjectId: input.orgId,
      detail: { hash, type, bytes: input.bytes.byteLength },
    }),
  ]);
  return { hash, type, changed: true };
}

/** Removes the logo (its bytes too), audited; removing none changes nothing and is not logged. */
export async function removeLogo({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope; actor: Actor }) {
  const [current] = await ctx.db.select({ hash: organisations.logoHash }).from(organisations).where(eq(organisations.id, input.orgId));
  if (!current?.hash) return { changed: false };
  await ctx.db.batch([
    ctx.db.delete(organisationLogos).where(eq(organisationLogos.orgId, input.orgId)),
    ctx.db.update(organisations).set({ logoHash: null, logoType: null }).where(eq(organisations.id, input.orgId)),
    auditEntry(ctx, actor, { action: "organisation.logo_remove", subjectType: "organisation", subjectId: input.orgId, detail: { hash: current.hash } }),
  ]);
  return { changed: true };
}

/**
 * A logo by its organisation's slug, hash and extension, as its hashed URL names it.
 * Anything else (an old hash, another organisation's, a wrong extension) is not found.
 */
export async function readLogo({ ctx, input }: { ctx: ServiceContext; input: { orgSlug: string; hash: string; ext: string } }) {
  const type = logoTypeOfExtension(input.ext);
  if (!type || !/^[0-9a-f]{32}$/.test(input.hash)) throw new AppError("not_found");
  const [row] = await ctx.db
    .select({ bytes: organisationLogos.bytes, contentType: organisationLogos.contentType })
    .from(organisationLogos)
    .innerJoin(organisations, eq(organisations.id, organisationLogos.orgId))
    .where(and(eq(organisations.slug, input.orgSlug), eq(organisationLogos.hash, input.hash), eq(organisationLogos.contentType, type)));
  if (!row) throw new AppError("not_found");
  return row;
}
