import { sql } from "drizzle-orm";
import { changedRows } from "../../db/client";
import { AppError } from "../../lib/errors";
import type { Actor } from "../audit";
import { auditIf } from "../audit";
import { arrivalStatements, refuseCheckin } from "../checkin";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { findRegistration, registrationView } from "../registrations";
import { findSession } from "./sessionView";

/**
 * Marks a confirmed attendee as arrived at one session (the door picked it), or undoes
 * it. Arriving at a session is arriving at the event too; undoing leaves the event's
 * arrival. Only a seat in the session can arrive, decided by the write; a second tap
 * changes nothing and keeps the first time.
 */
export async function markSessionArrival({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { id: string; sessionId: string; undo?: boolean; via?: "search" | "code" | "api" };
  actor: Actor;
}) {
  const session = await findSession(ctx, input.sessionId, input.orgId);
  const found = await findRegistration(ctx, input.id, input.orgId);
  const r = found.registration;
  if (r.eventId !== session.session.eventId) throw new AppError("registration_not_found");
  if (!input.undo) {
    const refused = refuseCheckin(r) ?? refuseCheckin(r, (await findEvent(ctx, r.eventId)).event);
    if (refused) throw refused;
  }
  const now = ctx.now().getTime();
  const mine = sql`registration_id = ${r.id} AND session_id = ${input.sessionId} AND status = 'confirmed'`;
  const pending = sql`EXISTS (SELECT 1 FROM session_choices WHERE ${mine} AND checked_in_at IS ${input.undo ? sql`NOT NULL` : sql`NULL`})`;
  const [, updated] = await ctx.db.batch([
    // Before the change, so that a tap which changes nothing leaves no entry.
    auditIf(
      ctx,
      actor,
      {
        action: input.undo ? "session.check_in_undo" : "session.check_in",
        subjectType: "registration",
        subjectId: r.id,
        detail: { session: input.sessionId, via: input.via ?? "api" },
      },
      pending,
    ),
    input.undo
      ? ctx.db.run(sql`UPDATE session_choices SET checked_in_at = NULL WHERE ${mine} AND checked_in_at IS NOT NULL`)
      : ctx.db.run(sql`UPDATE session_choices SET checked_in_at = ${now} WHERE ${mine} AND checked_in_at IS NULL`),
    // Only a seat in the session arrives at the event too: a refusal changes nothing.
    ...(input.undo
      ? []
      : arrivalStatements(ctx, {
          eventId: r.eventId,
          which: sql`id = ${r.id} AND EXISTS (SELECT 1 FROM session_choices WHERE ${mine})`,
          via: input.via ?? "api",
          actor,
        })),
  ]);
  const changed = changedRows(updated) > 0;
  const [seat] = await ctx.db.all<{ status: string; checkedInAt: number | null }>(
    sql`SELECT status, checked_in_at AS checkedInAt FROM session_choices WHERE registration_id = ${r.id} AND session_id = ${input.sessionId}
        ORDER BY seq DESC LIMIT 1`,
  );
  if (!input.undo && seat?.status !== "confirmed") throw new AppError("not_in_session");
  const after = await findRegistration(ctx, r.id);
  return {
    registration: registrationView(after),
    session: { id: input.sessionId, checkedInAt: seat?.checkedInAt ? new Date(seat.checkedInAt).toISOString() : null },
    changed,
  };
}
