import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { events } from "../../db/schema";
import { isCheckViolation, isUniqueViolation } from "../../db/errors";
import { AppError, invalid } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { refuseUnlessEditable, timeErrors } from "./eventRules";
import { findEvent, organiserEventView, type EventRow } from "./eventView";
import { tellEveryoneLive } from "../outbox";
import { OFFER_CLOSE_BEFORE_START_MS, promoteWaitlisted } from "../seats";
import { eventDelivery } from "../webhooks";
import { eventFields } from "../schemas";
import { code } from "../../lib/zodIssues";
import { companyKey } from "../../lib/companyKey";

export const updateEventInput = z
  .strictObject(eventFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, code("nothing_to_change"));
export type UpdateEventInput = z.infer<typeof updateEventInput>;

// A change to any of these changes people's calendar entries: confirmed attendees get an
// updated invite, everyone still in the running gets told.
const whenAndWhere = ["title", "startsAt", "endsAt", "timezone", "venue", "address", "onlineUrl"] as const;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

/** The names of the fields a patch really changes (questions and translations compared as JSON). */
const changedFields = (before: EventRow, patch: UpdateEventInput) =>
  (Object.keys(patch) as (keyof UpdateEventInput)[]).filter((k) =>
    k === "questions" || k === "translations" ? JSON.stringify(before[k]) !== JSON.stringify(patch[k]) : !same(before[k], patch[k]),
  );

export async function updateEvent({
  ctx,
  input: { id, orgId, patch },
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { id: string; patch: UpdateEventInput };
  actor?: Actor;
}) {
  const { event: before } = await findEvent(ctx, id, orgId);
  refuseUnlessEditable(before);
  const after: EventRow = { ...before, ...patch } as EventRow;
  const errors = { ...timeErrors(after), ...(await programmeErrors(ctx, before, patch)) };
  if (Object.keys(errors).length) throw invalid(errors);
  // How sessions are booked is what everyone registered under.
  if (patch.programme !== undefined && patch.programme !== before.programme && (await hasRegistrations(ctx, id)))
    throw new AppError("programme_locked");

  const changed = whenAndWhere.filter((k) => k in patch && !same(before[k], after[k]));
  const changeId = newId("chg");
  const now = ctx.now();
  const moved = changed.length
    ? tellEveryoneLive(ctx, "event_updated", id, changeId, sql`json(${JSON.stringify({ changed })})`)
    : [];
  try {
    await ctx.db.batch([
      ctx.db
        .update(events)
        .set({ ...patch, updatedAt: now, changeId })
        .where(and(eq(events.id, id), eq(events.orgId, orgId), ne(events.status, "cancelled"))),
      ...moved,
      // An offer never runs past an hour before the start, also when the start moves earlier.
      ...("startsAt" in patch
        ? [ctx.db.run(sql`UPDATE registrations SET offer_expires_at = min(offer_expires_at, (SELECT e.starts_at - ${OFFER_CLOSE_BEFORE_START_MS} FROM events e WHERE e.id = ${id}))
                          WHERE event_id = ${id} AND status = 'offered'`)]
        : []),
      // A quota set on an event that has registrations counts those of before (written
      // without a company key when no quota asked for one).
      ...("companyQuota" in patch ? await companyKeysBackfill(ctx, id) : []),
      // Raising capacity (or a seat freed while the waitlist was off) takes effect now.
      ...promoteWaitlisted(ctx, id),
      // Webhooks hear of a change, not of a form saved as it was.
      ...(changedFields(before, patch).length
        ? [eventDelivery(ctx, "event.updated", id, sql`EXISTS (SELECT 1 FROM events x WHERE x.id = ${id} AND x.change_id = ${changeId})`)]
        : []),
      ...(actor ? [auditEntry(ctx, actor, { action: "event.update", subjectType: "event", subjectId: id, detail: { fields: changedFields(before, patch) } })] : []),
    ]);
  } catch (err) {
    if (isUniqueViolation(err, "events.slug"))
      throw new AppError("slug_taken", { slug: patch.slug ?? "" }, { slug: { code: "taken" } });
    // Checked above against what we read; a concurrent edit can still make the merge wrong.
    if (isCheckViolation(err, "events_ends_after_start")) throw invalid({ endsAt: { code: "after_start" } });
    if (isCheckViolation(err, "events_registration_window"))
      throw invalid({ registrationClosesAt: { code: "after_opening" } });
    throw err;
  }
  return organiserEventView(ctx, await findEvent(ctx, id, orgId));
}

const hasRegistrations = async (ctx: ServiceContext, eventId: string) =>
  (await ctx.db.all(sql`SELECT 1 FROM registrations WHERE event_id = ${eventId} LIMIT 1`)).length > 0;

/** The event's new times must still hold every session that goes ahead. */
async function programmeErrors(ctx: ServiceContext, before: EventRow, patch: UpdateEventInput) {
  if (!patch.startsAt && !patch.endsAt) return {};
  const [span] = await ctx.db.all<{ first: number | null; last: number | null }>(
    sql`SELECT min(starts_at) AS first, max(ends_at) AS last FROM event_sessions WHERE event_id = ${before.id} AND status = 'scheduled'`,
  );
  const errors: Record<string, { code: "outside_event" }> = {};
  if (span?.first != null && (patch.startsAt ?? before.startsAt).getTime() > span.first) errors.startsAt = { code: "outside_event" };
  if (span?.last != null && (patch.endsAt ?? before.endsAt).getTime() < span.last) errors.endsAt = { code: "outside_event" };
  return errors;
}

/** Statements that give every registration of the event its company key, one per spelling. */
async function companyKeysBackfill(ctx: ServiceContext, eventId: string) {
  const spellings = await ctx.db.all<{ organisation: string }>(
    sql`SELECT DISTINCT organisation FROM registrations WHERE event_id = ${eventId} AND organisation IS NOT NULL AND company_key IS NULL`,
  );
  return spellings.map(({ organisation }) =>
    ctx.db.run(sql`UPDATE registrations SET company_key = ${companyKey(organisation)} WHERE event_id = ${eventId} AND organisation = ${organisation} AND company_key IS NULL`),
  );
}
