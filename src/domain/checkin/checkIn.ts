import { sql, type SQL } from "drizzle-orm";
import { changedRows } from "../../db/client";
import { AppError } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import type { Actor } from "../audit";
import { auditEach } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { findRegistration, registrationView } from "../registrations";

export interface ArrivalInput extends OrgScope {
  id: string;
  undo?: boolean;
  /** When given, the registration must belong to this event (the door's own list). */
  eventId?: string;
  /** How the door found the person, for the audit log. */
  via?: "search" | "code" | "api";
}

/**
 * Why someone cannot be checked in, or null, as a reason the door staff's page words: only
 * a confirmed registration of an event that is going ahead can arrive. The check-in pages
 * ask this too, to show the reason instead of the button.
 */
export function checkinRefusal(registration: { status: string }, event?: { status: string }) {
  if (registration.status === "cancelled" || registration.status === "expired" || registration.status === "declined") return "checkin_cancelled" as const;
  if (registration.status === "waitlisted" || registration.status === "offered" || registration.status === "pending") return "checkin_waitlisted" as const;
  if (event && !doorIsOpen(event)) return "checkin_event_cancelled" as const;
  return null;
}

/** Whether anyone can be checked in to the event at all: not once it is cancelled. */
export const doorIsOpen = (event: { status: string }) => event.status !== "cancelled";

/** The refusal of `checkinRefusal` as the error to throw, or null. */
export function refuseCheckin(registration: { status: string }, event?: { status: string }) {
  const code = checkinRefusal(registration, event);
  return code ? new AppError(code) : null;
}

/**
 * Marks a confirmed attendee as arrived, or undoes it. Idempotent: a second tap changes
 * nothing and keeps the first arrival time. A real change and its audit entry commit in
 * one batch; a tap that changes nothing (also two devices tapping at once) writes nothing.
 */
export async function markArrival({ ctx, input, actor }: { ctx: ServiceContext; input: ArrivalInput; actor: Actor }) {
  const found = await findRegistration(ctx, input.id, input.orgId);
  const r = found.registration;
  if (input.eventId !== undefined && r.eventId !== input.eventId) throw new AppError("registration_not_found");
  if (!input.undo) {
    // The event is read only for someone who has a seat.
    const refused = refuseCheckin(r) ?? refuseCheckin(r, (await findEvent(ctx, r.eventId)).event);
    if (refused) throw refused;
  }
  // The UPDATE decides whether anything changes (a cancellation or another tap may come
  // first); its count of changed rows says so, and the audit entry follows only a row it marked.
  const [updated] = await ctx.db.batch(arrivalStatements(ctx, { eventId: r.eventId, which: sql`id = ${r.id}`, undo: input.undo, via: input.via ?? "api", actor }));
  const changed = changedRows(updated) > 0;
  const after = await findRegistration(ctx, r.id);
  // Cancelled between our read and the tap: say so rather than "checked in".
  if (!input.undo && !changed && !after.registration.checkedInAt) throw refuseCheckin(after.registration) ?? new AppError("registration_not_found");
  return { registration: registrationView(after), changed };
}

/** The JSON API's check-in (`POST/DELETE /api/v1/registrations/:id/check-in`): the registration after the change. */
export async function checkIn({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string; undo?: boolean }; actor: Actor }) {
  return (await markArrival({ ctx, input: { ...input, via: "api" }, actor })).registration;
}

/**
 * The statements of marking those of one event's registrations that `which` (SQL on
 * `registrations`) names as arrived, or not, for one batch: one tap at the door or an
 * organiser's selection. Only a confirmed registration not yet checked in arrives, so a
 * second tap, a waitlisted or a cancelled person changes nothing; each one changed gets
 * its audit entry. The first statement's count of changed rows is how many arrived.
 */
export function arrivalStatements(
  ctx: ServiceContext,
  { eventId, which, undo, via, actor }: { eventId: string; which: SQL; undo?: boolean; via: NonNullable<ArrivalInput["via"]> | "list"; actor: Actor },
) {
  const changeId = newId("chg");
  const update = undo
    ? ctx.db.run(sql`UPDATE registrations SET checked_in_at = NULL, change_id = ${changeId}
                     WHERE ${which} AND checked_in_at IS NOT NULL`)
    : ctx.db.run(sql`UPDATE registrations SET checked_in_at = ${ctx.now().getTime()}, change_id = ${changeId}
                     WHERE ${which} AND status = 'confirmed' AND checked_in_at IS NULL`);
  return [
    update,
    auditEach(
      ctx,
      actor,
      { action: undo ? "registration.check_in_undo" : "registration.check_in", detail: sql`json_object('eventId', event_id, 'via', ${via})` },
      sql`event_id = ${eventId} AND change_id = ${changeId}`,
    ),
  ] as const;
}
