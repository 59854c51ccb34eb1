import { sql } from "drizzle-orm";
import { AppError, invalid } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { hasStarted } from "../events";
import type { Programme } from "../../db/schema";
import { choiceErrors } from "./sessionRules";
import { choiceInsert, fullWithoutWaitlistSql, promoteSessionWaitlists } from "../seats";
import { sessionsOfEvent } from "./sessionView";
import { registrationDelivery } from "../webhooks";

/** One of a registration's sessions, as their own page, the API and emails show it. */
export interface MyChoice {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  track: string | null;
  venue: string | null;
  status: "confirmed" | "waitlisted" | "pending";
  /** 1-based place on the session's waitlist (waitlisted only). */
  position: number | null;
  checkedInAt: string | null;
}

/**
 * A registration's live places in sessions, earliest first. A waitlist position is the
 * count of those ahead on that session's waitlist (one person's page: a few short counts).
 */
export async function choicesOf(ctx: ServiceContext, registrationId: string): Promise<MyChoice[]> {
  const rows = await ctx.db.all<Omit<MyChoice, "startsAt" | "endsAt" | "checkedInAt"> & { startsAt: number; endsAt: number; checkedInAt: number | null }>(sql`
    SELECT s.id, s.title, s.starts_at AS startsAt, s.ends_at AS endsAt, s.track, s.venue, c.status, c.checked_in_at AS checkedInAt,
           CASE WHEN c.status = 'waitlisted' THEN
             (SELECT count(*) FROM session_choices w WHERE w.session_id = c.session_id AND w.status = 'waitlisted'
                AND (w.queued_at, w.seq) <= (c.queued_at, c.seq)) END AS position
    FROM session_choices c JOIN event_sessions s ON s.id = c.session_id
    WHERE c.registration_id = ${registrationId} AND c.status IN ('confirmed', 'waitlisted', 'pending')
    ORDER BY s.starts_at, s.position`);
  return rows.map((r) => ({
    ...r,
    startsAt: new Date(r.startsAt).toISOString(),
    endsAt: new Date(r.endsAt).toISOString(),
    checkedInAt: r.checkedInAt === null ? null : new Date(r.checkedInAt).toISOString(),
  }));
}

export interface ChoiceChange {
  add?: string[];
  remove?: string[];
}

/**
 * The holder of a registration adds and removes sessions (an event whose programme is
 * "choose", until it starts). Checked as a whole first (the sessions after the change
 * must not overlap nor pass the maximum); then written in one batch where the additions
 * are decided seat by seat, all or none (a full session without a waitlist refuses the
 * whole change with `session_full`), the removals happen only if they were, and each
 * seat given up goes to that session's waitlist at once.
 */
export async function changeChoices({
  ctx,
  input: { registration, event, change },
}: {
  ctx: ServiceContext;
  input: {
    registration: { id: string; status: string };
    event: { id: string; status: string; startsAt: Date; endsAt: Date; programme: Programme; maxSessions: number | null };
    change: ChoiceChange;
  };
}) {
  if (event.status === "cancelled") throw new AppError("event_cancelled");
  if (!["confirmed", "waitlisted", "offered"].includes(registration.status)) throw new AppError("registration_cancelled");
  if (hasStarted(event, ctx.now())) throw new AppError("event_started");
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])];
  if (event.programme !== "choose") throw invalid({ sessions: { code: "no_choices" } });
  const [sessions, mine] = await Promise.all([sessionsOfEvent(ctx, event), choicesOf(ctx, registration.id)]);
  const held = new Set(mine.map((c) => c.id));
  if (remove.some((id) => !held.has(id))) throw invalid({ remove: { code: "unknown_session" } });
  if (add.some((id) => remove.includes(id))) throw invalid({ add: { code: "duplicate" } });
  const adding = add.filter((id) => !held.has(id));
  const after = [...[...held].filter((id) => !remove.includes(id)), ...adding];
  const errors = choiceErrors(event, sessions, after, "add");
  if (Object.keys(errors).length) throw invalid(errors);
  if (!adding.length && !remove.length) return choicesOf(ctx, registration.id);

  const at = ctx.now().getTime();
  const added = newId("chg");
  const removed = newId("chg");
  // None of the additions is written unless all can be.
  const allFit = sql`(r.status <> 'confirmed' OR NOT ${fullWithoutWaitlistSql(adding)})`;
  const results = await ctx.db.batch([
    choiceInsert(ctx, { registrationId: registration.id, which: adding.length ? adding : [""], at, changeId: added, guard: allFit }),
    ctx.db.run(sql`
      UPDATE session_choices SET status = 'cancelled', change_id = ${removed}
      WHERE registration_id = ${registration.id} AND session_id IN (SELECT value FROM json_each(${JSON.stringify(remove)}))
        AND status IN ('confirmed', 'waitlisted', 'pending')
        AND (SELECT count(*) FROM session_choices a WHERE a.registration_id = ${registration.id} AND a.change_id = ${added}) = ${adding.length}`),
    ...promoteSessionWaitlists(ctx, event.id),
    registrationDelivery(
      ctx,
      "registration.sessions_changed",
      sql`(SELECT registration_id FROM session_choices WHERE registration_id = ${registration.id} AND change_id IN (${added}, ${removed}) LIMIT 1)`,
    ),
    ctx.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM session_choices WHERE registration_id = ${registration.id} AND change_id = ${added}`),
  ]);
  const written = (results[results.length - 1] as { n: number }[])[0]?.n ?? 0;
  if (written < adding.length) throw new AppError("session_full");
  return choicesOf(ctx, registration.id);
}
