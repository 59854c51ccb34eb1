import { sql, type SQL } from "drizzle-orm";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { registrationDelivery } from "../webhooks";
import { queueForRegistrations } from "../outbox";

/**
 * SQL true when session `s` (with its tally `t`, LEFT JOINed) has a seat for a newcomer:
 * no limit of its own (or a package, where the event's seat is the seat), or a free seat
 * and nobody waiting for it. The write decides by this; the trigger that decides a
 * promoted person's sessions (migrations/0020_programme.sql) spells it out the same way.
 */
export const sessionFreeSql = (s: SQL, t: SQL, programme: SQL, need = 1) => sql`
  (${programme} = 'package' OR ${s}.capacity IS NULL
   OR (${s}.capacity - coalesce(${t}.confirmed, 0) >= ${need} AND coalesce(${t}.waitlisted, 0) = 0))`;

/** Which of an event's sessions a registration takes: the chosen ones, or every one (a package). */
export type SessionPick = readonly string[] | "all";

// The ids as one JSON value: D1 takes at most 100 bound values in a statement.
const picked = (which: SessionPick) =>
  which === "all" ? sql`e.programme = 'package'` : sql`e.programme = 'choose' AND s.id IN (SELECT value FROM json_each(${JSON.stringify(which)}))`;

/**
 * SQL true when one of the chosen sessions is full and takes no waitlist: a signup that
 * would get the event's seat is refused whole rather than seated without it. `need`: how
 * many seats must be free (a group that comes together needs one each).
 */
export const fullWithoutWaitlistSql = (sessionIds: readonly string[], need = 1) =>
  sessionIds.length
    ? sql`EXISTS (SELECT 1 FROM event_sessions x JOIN events xe ON xe.id = x.event_id
                  LEFT JOIN session_tallies xt ON xt.session_id = x.id
                  WHERE x.id IN (SELECT value FROM json_each(${JSON.stringify(sessionIds)})) AND x.status = 'scheduled' AND NOT x.waitlist
                    AND NOT ${sessionFreeSql(sql`x`, sql`xt`, sql`xe.programme`, need)})`
    : sql`0`;

/**
 * The statement that gives registration `registrationId` its places in sessions, each
 * decided as it is written: someone without the event's seat yet has them recorded
 * (`pending`, decided when they get it); someone with it gets a seat while the session
 * has one free and nobody waits, else its waitlist. A full session without a waitlist is
 * skipped (a signup is refused before, by `fullWithoutWaitlistSql`). Does nothing when
 * the registration was not written. `guard`, a condition on `r`, holds back every row
 * at once. Earliest session first, so a promotion decides them
 * in the order of the day.
 */
export function choiceInsert(
  ctx: ServiceContext,
  { registrationId, which, at, changeId, guard = sql`1` }: { registrationId: string; which: SessionPick; at: number; changeId?: string; guard?: SQL },
) {
  const free = sessionFreeSql(sql`s`, sql`t`, sql`e.programme`);
  return ctx.db.run(sql`
    INSERT INTO session_choices (registration_id, session_id, event_id, status, queued_at, created_at, change_id)
    SELECT r.id, s.id, r.event_id,
           CASE WHEN r.status <> 'confirmed' THEN 'pending' WHEN ${free} THEN 'confirmed' ELSE 'waitlisted' END,
           ${at}, ${at}, ${changeId ?? null}
    FROM registrations r
    JOIN events e ON e.id = r.event_id
    JOIN event_sessions s ON s.event_id = r.event_id AND s.status = 'scheduled'
    LEFT JOIN session_tallies t ON t.session_id = s.id
    WHERE r.id = ${registrationId} AND ${picked(which)} AND ${guard}
      AND (r.status <> 'confirmed' OR s.waitlist OR ${free})
      AND NOT EXISTS (SELECT 1 FROM session_choices c WHERE c.registration_id = r.id AND c.session_id = s.id
                      AND c.status IN ('confirmed', 'waitlisted', 'pending'))
    ORDER BY s.starts_at, s.position`);
}

export interface PlacedChoice {
  id: string;
  status: "confirmed" | "waitlisted" | "pending";
  position: number | null;
}

/**
 * A registration's live places read back in its own batch, right after they were
 * written: a place just taken on a waitlist is its last, so its position is the number
 * waiting, one row read however long the waitlist is.
 */
export const placedChoices = (ctx: ServiceContext, registrationId: string) =>
  ctx.db.all<PlacedChoice>(sql`
    SELECT c.session_id AS id, c.status,
           CASE WHEN c.status = 'waitlisted' THEN (SELECT t.waitlisted FROM session_tallies t WHERE t.session_id = c.session_id) END AS position
    FROM session_choices c JOIN event_sessions s ON s.id = c.session_id
    WHERE c.registration_id = ${registrationId} AND c.status IN ('confirmed', 'waitlisted', 'pending')
    ORDER BY s.starts_at, s.position`);

/**
 * Statements that give every free seat of the event's limited sessions to their
 * waitlists, first come first served, and tell each person promoted: for a batch that
 * freed session seats (a registration ended, a choice removed, a capacity raised). The
 * free seats are counted inside the UPDATE; only sessions with a free seat and someone
 * waiting are looked at.
 */
export function promoteSessionWaitlists(ctx: ServiceContext, eventId: string) {
  const changeId = newId("chg");
  return [
    ctx.db.run(sql`
      UPDATE session_choices SET status = 'confirmed', notify = 1, change_id = ${changeId}
      WHERE seq IN (
        SELECT seq FROM (
          SELECT w.seq, row_number() OVER (PARTITION BY w.session_id ORDER BY w.queued_at, w.seq) AS n,
                 coalesce(s.capacity - t.confirmed, t.waitlisted) AS free
          FROM event_sessions s
          JOIN events e ON e.id = s.event_id AND e.programme = 'choose'
          JOIN session_tallies t ON t.session_id = s.id
          JOIN session_choices w ON w.session_id = s.id AND w.status = 'waitlisted'
          -- A limit lifted (capacity now null) seats the whole waitlist.
          WHERE s.event_id = ${eventId} AND s.status = 'scheduled' AND (s.capacity IS NULL OR s.capacity > t.confirmed) AND t.waitlisted > 0)
        WHERE n <= free)`),
    // Webhooks: each person given a seat here has had their sessions changed.
    registrationDelivery(
      ctx,
      "registration.sessions_changed",
      sql`(SELECT DISTINCT c.registration_id FROM session_choices c WHERE c.event_id = ${eventId} AND c.notify = 1 AND c.change_id = ${changeId})`,
    ),
    ...tellPromotedInSessions(ctx, eventId),
  ] as const;
}

/**
 * One email per person given a session's seat from its waitlist since the last call,
 * naming the sessions; the mark is cleared in the same batch, so each is told once.
 */
function tellPromotedInSessions(ctx: ServiceContext, eventId: string) {
  const marked = (r: SQL) => sql`SELECT c.session_id FROM session_choices c WHERE c.event_id = ${eventId} AND c.notify = 1 AND c.registration_id = ${r}`;
  return [
    queueForRegistrations(
      ctx,
      "session_promoted",
      sql`r.event_id = ${eventId} AND r.status = 'confirmed' AND EXISTS (${marked(sql`r.id`)})`,
      sql`json_object('sessions', (SELECT json_group_array(session_id) FROM (${marked(sql`r.id`)})))`,
    ),
    ctx.db.run(sql`UPDATE session_choices SET notify = 0 WHERE event_id = ${eventId} AND notify = 1`),
  ] as const;
}
