import { eq } from "drizzle-orm";
import { z } from "zod";
import { organisations } from "../../db/schema";
import { invalid } from "../../lib/errors";
import { code, zodFieldErrors } from "../../lib/zodIssues";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { accentColor, contactPhone, embedOrigin, footerText, httpUrl } from "../schemas";
import { logoPath } from "./brand";

/** Retention below a month would erase lists before the follow-up; ten years is the longest any funder asks for. */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

export const organisationChanges = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    requireConsent: z.boolean(),
    privacyUrl: httpUrl.nullable(),
    contactEmail: z.email().max(254).nullable(),
    embedOrigins: z.array(embedOrigin).max(20),
    // Branding: null removes each.
    accentColor: accentColor.nullable(),
    contactPhone: contactPhone.nullable(),
    footer: footerText.nullable(),
    // Null keeps personal data for as long as the organisation keeps the event.
    retentionDays: z
      .number()
      .refine((n) => Number.isInteger(n) && n >= RETENTION_MIN_DAYS && n <= RETENTION_MAX_DAYS, {
        params: { code: "retention_days", min: RETENTION_MIN_DAYS, max: RETENTION_MAX_DAYS },
      })
      .nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, code("nothing_to_change"));

export type OrganisationChanges = z.infer<typeof organisationChanges>;

/** What an organiser sees of their own organisation's settings. */
export const organisationView = (ctx: Pick<ServiceContext, "publicUrl">, o: typeof organisations.$inferSelect) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  requireConsent: o.requireConsent,
  privacyUrl: o.privacyUrl,
  contactEmail: o.contactEmail,
  embedOrigins: o.embedOrigins,
  retentionDays: o.retentionDays,
  accentColor: o.accentColor,
  contactPhone: o.contactPhone,
  footer: o.footer,
  // Changed by uploading in the workspace, never through these settings.
  logoUrl: o.logoHash && o.logoType ? `${ctx.publicUrl}${logoPath(o.slug, o.logoHash, o.logoType)}` : null,
});

export type OrganisationView = ReturnType<typeof organisationView>;

export async function getOrganisation({ ctx, input }: { ctx: ServiceContext; input: OrgScope }) {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, input.orgId));
  return organisationView(ctx, org!);
}

/**
 * Checks changes that arrive unparsed (the settings form). Errors are keyed by the
 * setting's name alone, so a bad third origin is reported on `embedOrigins`.
 */
export function parseOrganisationChanges(raw: unknown): OrganisationChanges {
  const parsed = organisationChanges.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalid(zodFieldErrors(parsed.error, { depth: 1 }));
}

// Settings whose values are no one's personal data: the audit entry may record them.
const recordedValues = new Set(["requireConsent", "retentionDays", "accentColor"]);

/**
 * Changes an organisation's settings; asking for consent needs a notice to link to. With
 * an `actor` (a member in /admin) the change is audited in the same write, naming the
 * settings that changed.
 */
export async function updateOrganisation({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { changes: OrganisationChanges };
  actor?: Actor;
}) {
  const current = await getOrganisation({ ctx, input });
  const next = { ...current, ...input.changes };
  if (next.requireConsent && !next.privacyUrl)
    throw invalid({ privacyUrl: { code: "privacy_url_needed" } });
  const changed = Object.entries(input.changes).filter(
    ([key, value]) => JSON.stringify(current[key as keyof typeof current]) !== JSON.stringify(value),
  );
  if (!changed.length) return current;
  const update = ctx.db.update(organisations).set(input.changes).where(eq(organisations.id, input.orgId));
  if (actor) {
    const detail = {
      changed: changed.map(([key]) => key),
      ...Object.fromEntries(changed.filter(([key]) => recordedValues.has(key))),
    };
    await ctx.db.batch([update, auditEntry(ctx, actor, { action: "organisation.update", subjectType: "organisation", subjectId: input.orgId, detail })]);
  } else await update;
  return getOrganisation({ ctx, input });
}
