import { eq } from "drizzle-orm";
import { z } from "zod";
import { organisations } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../lib/errors";
import { newId, newKey } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { embedOrigin, httpUrl, slug } from "../schemas";
import { publicBrand } from "./brand";

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

/** The branding an organisation's attendee pages show (the manage page, say), by its slug. */
export async function brandOfOrganisation(ctx: ServiceContext, orgSlug: string) {
  return publicBrand(ctx, await findOrganisationBySlug(ctx, orgSlug));
}
