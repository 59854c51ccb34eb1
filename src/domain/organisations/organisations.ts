import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, organisations } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../lib/errors";
import { newId, newKey, newSecret, sameSecret, sha256Hex } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { embedOrigin, httpUrl, slug } from "../schemas";

export const createOrganisationInput = z.strictObject({
  slug,
  name: z.string().trim().min(1).max(200),
  requireConsent: z.boolean().default(false),
  privacyUrl: httpUrl.nullish(),
  contactEmail: z.email().max(254).nullish(),
  embedOrigins: z.array(embedOrigin).max(20).default([]),
});

export async function createOrganisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: z.input<typeof createOrganisationInput>;
}) {
  const org = createOrganisationInput.parse(input);
  const row = {
    id: newId("org"),
    ...org,
    privacyUrl: org.privacyUrl ?? null,
    contactEmail: org.contactEmail ?? null,
    retentionDays: null,
    checkinKey: newKey(),
    createdAt: ctx.now(),
  };
  try {
    await ctx.db.insert(organisations).values(row);
  } catch (err) {
    if (isUniqueViolation(err, "organisations.slug"))
      throw new AppError("org_slug_taken", { slug: org.slug }, { slug: { code: "taken" } });
    throw err;
  }
  return row;
}

export async function findOrganisationBySlug(ctx: ServiceContext, orgSlug: string) {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.slug, orgSlug));
  if (!org) throw new AppError("organisation_not_found");
  return org;
}

const TOKEN_PREFIX = "plats_";

/** Mints an API token for an organisation. The token is returned once; only its hash stays. */
export async function createApiToken({ ctx, input }: { ctx: ServiceContext; input: { orgId: string; name?: string } }) {
  const token = `${TOKEN_PREFIX}${newSecret()}${newSecret()}`;
  await ctx.db.insert(apiTokens).values({
    id: newId("tok"),
    orgId: input.orgId,
    name: input.name ?? "API token",
    tokenHash: sha256Hex(token),
    createdAt: ctx.now(),
  });
  return token;
}

/** The organisation a bearer token belongs to, or null for an unknown or revoked token. */
export async function authenticateApiToken(ctx: ServiceContext, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = sha256Hex(token);
  const [row] = await ctx.db
    .select({ hash: apiTokens.tokenHash, org: organisations })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || !(await sameSecret(row.hash, hash))) return null;
  return row.org;
}
