import { eq } from "drizzle-orm";
import { z } from "zod";
import { organisations } from "../db/schema";
import { invalid } from "../lib/errors";
import type { OrgScope, ServiceContext } from "./context";
import { embedOrigin, httpUrl } from "./schemas";

export const organisationChanges = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    requireConsent: z.boolean(),
    privacyUrl: httpUrl.nullable(),
    contactEmail: z.email().max(254).nullable(),
    embedOrigins: z.array(embedOrigin).max(20),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: "Give at least one field to change." });

/** What an organiser sees of their own organisation's settings. */
export const organisationView = (o: typeof organisations.$inferSelect) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  requireConsent: o.requireConsent,
  privacyUrl: o.privacyUrl,
  contactEmail: o.contactEmail,
  embedOrigins: o.embedOrigins,
});

export async function getOrganisation({ ctx, input }: { ctx: ServiceContext; input: OrgScope }) {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, input.orgId));
  return organisationView(org!);
}

/** Changes an organisation's settings; asking for consent needs a notice to link to. */
export async function updateOrganisation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: OrgScope & { changes: z.infer<typeof organisationChanges> };
}) {
  const current = await getOrganisation({ ctx, input });
  const next = { ...current, ...input.changes };
  if (next.requireConsent && !next.privacyUrl)
    throw invalid({ privacyUrl: "Give the privacy notice's address when consent is required." });
  await ctx.db.update(organisations).set(input.changes).where(eq(organisations.id, input.orgId));
  return getOrganisation({ ctx, input });
}
