import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { registrations } from "../db/schema";
import { AppError, notFound } from "../lib/errors";
import { auditEntry, type Actor } from "./audit";
import type { OrgScope, ServiceContext } from "./context";
import { findEvent } from "./eventView";
import { findRegistration, registrationView } from "./registrationView";

export interface ArrivalInput extends OrgScope {
  id: string;
  undo?: boolean;
  /** When given, the registration must belong to this event (the door's own list). */
  eventId?: string;
  /** How the door found the person, for the audit log. */
  via?: "search" | "code" | "api";
}

/** Why someone cannot be checked in, said so that the door staff know what to tell them. */
export function refuseUnlessConfirmed(status: string) {
  if (status === "cancelled") return new AppError("not_confirmed", "This registration is cancelled: the person has no seat and was not checked in.");
  if (status === "waitlisted") return new AppError("not_confirmed", "This person is on the waitlist and has no seat: not checked in.");
  return null;
}

/**
 * Marks a confirmed attendee as arrived, or undoes it. Idempotent: a second tap changes
 * nothing and keeps the first arrival time. A real change and its audit entry commit in
 * one batch; a tap that changes nothing writes nothing.
 */
export async function markArrival({ ctx, input, actor }: { ctx: ServiceContext; input: ArrivalInput; actor?: Actor }) {
  const found = await findRegistration(ctx, input.id, input.orgId);
  const r = found.registration;
  if (input.eventId !== undefined && r.eventId !== input.eventId) throw notFound("registration");
  const who: Actor = actor ?? { orgId: input.orgId, id: null, email: "API token" };
  const audit = (action: string) =>
    auditEntry(ctx, who, { action, subjectType: "registration", subjectId: r.id, detail: { eventId: r.eventId, via: input.via ?? "api" } });

  let changed = false;
  if (input.undo) {
    if (r.checkedInAt) {
      await ctx.db.batch([
        ctx.db.update(registrations).set({ checkedInAt: null }).where(and(eq(registrations.id, r.id), isNotNull(registrations.checkedInAt))),
        audit("registration.check_in_undo"),
      ]);
      changed = true;
    }
  } else {
    const refused = refuseUnlessConfirmed(r.status);
    if (refused) throw refused;
    const { event } = await findEvent(ctx, r.eventId);
    if (event.status === "cancelled") throw new AppError("event_cancelled", "This event is cancelled: nobody can be checked in.");
    if (!r.checkedInAt) {
      await ctx.db.batch([
        ctx.db
          .update(registrations)
          .set({ checkedInAt: ctx.now() })
          .where(and(eq(registrations.id, r.id), eq(registrations.status, "confirmed"), isNull(registrations.checkedInAt))),
        audit("registration.check_in"),
      ]);
      changed = true;
    }
  }
  const after = changed ? await findRegistration(ctx, r.id) : found;
  return { registration: registrationView(after), changed };
}

/** The JSON API's check-in (`POST/DELETE /api/v1/registrations/:id/check-in`): the registration after the change. */
export async function checkIn({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string; undo?: boolean }; actor?: Actor }) {
  return (await markArrival({ ctx, input: { ...input, via: "api" }, actor })).registration;
}
