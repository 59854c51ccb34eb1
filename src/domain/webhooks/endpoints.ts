import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { webhookEndpoints } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { endpointUrlRefusal } from "../../lib/outboundAddress";
import { newId, newSecret } from "../../lib/secrets";
import { isoOrNull } from "../../lib/time";
import { zodFieldErrors } from "../../lib/zodIssues";
import { changedRows } from "../../db/client";
import { auditEntry, auditIf, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { organisationKey } from "../organisations";
import { endpointSecret } from "./secret";
import { MAX_ENDPOINTS, SECRET_OVERLAP_MS, webhookTypes, type WebhookType } from "./types";

const url = z.string().trim().min(1).max(2000);
const events = z.array(z.enum(webhookTypes)).min(1).max(webhookTypes.length);
const description = z.string().trim().max(200);

export const webhookInput = z.strictObject({ url, events, description: description.optional() });
export const webhookPatch = z.strictObject({
  url: url.optional(),
  events: events.optional(),
  description: description.nullable().optional(),
  // false pauses the endpoint; true enables it again (also one disabled for failing).
  enabled: z.boolean().optional(),
});
export type WebhookInput = z.infer<typeof webhookInput>;
export type WebhookPatch = z.infer<typeof webhookPatch>;

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** An endpoint as the API and the workspace show it (at `now`): never its secret. */
export function webhookView(row: EndpointRow, now: Date) {
  return {
    id: row.id,
    url: row.url,
    // Only types of the list were ever written (the input is checked against it).
    events: row.events as WebhookType[],
    description: row.description,
    enabled: row.disabledAt === null,
    // "owner": paused by an owner; "failing": every delivery failed for three days.
    disabledReason: row.disabledReason,
    disabledAt: isoOrNull(row.disabledAt),
    // While a rotated-out secret still signs beside the new one.
    previousSecretExpiresAt: row.previousUntil && row.previousUntil > now ? row.previousUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type WebhookView = ReturnType<typeof webhookView>;

/** The URL rule (https, no private address unless allowed) as a field error. */
function checkUrl(ctx: ServiceContext, raw: string) {
  const refusal = endpointUrlRefusal(raw, ctx.allowPrivateWebhooks ?? false);
  if (!refusal) return;
  const code = refusal === "not_https" ? "webhook_not_https" : refusal === "private_address" ? "webhook_private_address" : "url";
  throw invalid({ url: { code } });
}

/** An endpoint enabled again: its held messages go now, each with three new days of retries. */
const releaseHeld = (ctx: ServiceContext, endpointId: string) =>
  ctx.db.run(sql`UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = 0, first_attempt_at = NULL
                 WHERE endpoint_id = ${endpointId} AND status = 'held'`);

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
  return parsed.data;
}

export async function findEndpoint(ctx: ServiceContext, { orgId, id }: OrgScope & { id: string }) {
  const [row] = await ctx.db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.orgId, orgId)));
  if (!row) throw new AppError("webhook_not_found");
  return row;
}

/** Registers an endpoint; its secret is in this answer only. */
export async function createWebhook({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { webhook: unknown }; actor: Actor }) {
  const data = parse(webhookInput, input.webhook);
  checkUrl(ctx, data.url);
  const now = ctx.now();
  const row: EndpointRow = {
    id: newId("wh"),
    orgId: input.orgId,
    url: data.url,
    description: data.description || null,
    events: [...new Set(data.events)],
    secretSalt: newSecret(),
    previousSalt: null,
    previousUntil: null,
    disabledAt: null,
    disabledReason: null,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  // The limit is decided in the write: two owners adding the twentieth at once get one.
  const [inserted] = await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO webhook_endpoints (id, org_id, url, description, events, secret_salt, created_at, updated_at)
      SELECT ${row.id}, ${row.orgId}, ${row.url}, ${row.description}, ${JSON.stringify(row.events)}, ${row.secretSalt}, ${now.getTime()}, ${now.getTime()}
      WHERE (SELECT count(*) FROM webhook_endpoints WHERE org_id = ${row.orgId}) < ${MAX_ENDPOINTS}`),
    auditIf(ctx, actor, { action: "webhook.create", subjectType: "webhook", subjectId: row.id, detail: { url: row.url, types: row.events } }, sql`EXISTS (SELECT 1 FROM webhook_endpoints WHERE id = ${row.id})`),
  ]);
  if (changedRows(inserted) === 0) throw new AppError("too_many_webhooks", { max: MAX_ENDPOINTS });
  const secret = endpointSecret(await organisationKey(ctx, input.orgId), row.secretSalt);
  return { ...webhookView(row, now), secret };
}

export async function listWebhooks(ctx: ServiceContext, { orgId }: OrgScope) {
  const rows = await ctx.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId)).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  const now = ctx.now();
  return rows.map((row) => webhookView(row, now));
}

export async function getWebhook({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { id: string } }) {
  return webhookView(await findEndpoint(ctx, input), ctx.now());
}

export async function updateWebhook({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string; patch: unknown }; actor: Actor }) {
  const patch = parse(webhookPatch, input.patch);
  if (patch.url !== undefined) checkUrl(ctx, patch.url);
  const before = await findEndpoint(ctx, input);
  const now = ctx.now();
  const pause = patch.enabled === false && before.disabledAt === null;
  const resume = patch.enabled === true && before.disabledAt !== null;
  const [row] = await ctx.db.batch([
    ctx.db
      .update(webhookEndpoints)
      .set({
        url: patch.url ?? before.url,
        events: patch.events ? [...new Set(patch.events)] : before.events,
        description: patch.description === undefined ? before.description : patch.description || null,
        ...(pause ? { disabledAt: now, disabledReason: "owner" as const } : {}),
        // Enabled again: its failures start counting afresh.
        ...(resume ? { disabledAt: null, disabledReason: null, failingSince: null } : {}),
        updatedAt: now,
      })
      .where(and(eq(webhookEndpoints.id, before.id), eq(webhookEndpoints.orgId, input.orgId)))
      .returning(),
    // Paused: what is written waits (held); enabled: it goes, with three new days of retries.
    ...(pause ? [ctx.db.run(sql`UPDATE webhook_deliveries SET status = 'held' WHERE endpoint_id = ${before.id} AND status = 'pending'`)] : []),
    ...(resume ? [releaseHeld(ctx, before.id)] : []),
    // The types as `types`: "events" beside the subject's id read as a count of events.
    auditEntry(ctx, actor, { action: "webhook.update", subjectType: "webhook", subjectId: before.id, detail: { ...patch, events: undefined, types: patch.events } }),
  ]);
  return webhookView(row[0]!, now);
}

/** Removes an endpoint and its delivery log; what was not sent is not sent. */
export async function deleteWebhook({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor: Actor }) {
  const row = await findEndpoint(ctx, input);
  await ctx.db.batch([
    ctx.db.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, row.id), eq(webhookEndpoints.orgId, input.orgId))),
    auditEntry(ctx, actor, { action: "webhook.delete", subjectType: "webhook", subjectId: row.id, detail: { url: row.url } }),
  ]);
}

/**
 * A new secret, shown in this answer only. The previous one keeps signing beside it for a
 * day, so a receiver can switch without missing a message. A second rotation within that
 * day drops the oldest.
 */
export async function rotateWebhookSecret({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor: Actor }) {
  const before = await findEndpoint(ctx, input);
  const now = ctx.now();
  const salt = newSecret();
  const [rows] = await ctx.db.batch([
    ctx.db
      .update(webhookEndpoints)
      .set({ secretSalt: salt, previousSalt: sql`${webhookEndpoints.secretSalt}`, previousUntil: new Date(now.getTime() + SECRET_OVERLAP_MS), updatedAt: now })
      .where(and(eq(webhookEndpoints.id, before.id), eq(webhookEndpoints.orgId, input.orgId)))
      .returning(),
    auditEntry(ctx, actor, { action: "webhook.rotate_secret", subjectType: "webhook", subjectId: before.id, detail: {} }),
  ]);
  const secret = endpointSecret(await organisationKey(ctx, input.orgId), salt);
  return { ...webhookView(rows[0]!, now), secret };
}
