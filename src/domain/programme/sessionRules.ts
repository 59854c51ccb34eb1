import type { FieldErrors } from "../../lib/errors";
import type { Programme } from "../../db/schema";

/** The one rule for whether a session's places count against a limit of its own. */
export const sessionHasLimit = (programme: Programme, session: { capacity: number | null }) =>
  programme === "choose" && session.capacity !== null;

/** Seats left for a newcomer, as a page shows it (null: no limit of its own). */
export function sessionSeatsLeft(programme: Programme, s: { capacity: number | null; confirmed: number }) {
  if (!sessionHasLimit(programme, s)) return null;
  return Math.max(0, s.capacity! - s.confirmed);
}

interface Timed {
  startsAt: Date | string | number;
  endsAt: Date | string | number;
}
const ms = (d: Date | string | number) => new Date(d).getTime();

/** Whether two sessions are at the same time, at least in part (one ending as the next starts is not). */
export const overlap = (a: Timed, b: Timed) => ms(a.startsAt) < ms(b.endsAt) && ms(b.startsAt) < ms(a.endsAt);

/** A session's own times, and their place within its event's. */
export function sessionTimeErrors(event: Timed, session: Timed): FieldErrors {
  const errors: FieldErrors = {};
  if (ms(session.endsAt) <= ms(session.startsAt)) errors.endsAt = { code: "after_start" };
  if (ms(session.startsAt) < ms(event.startsAt) || ms(session.startsAt) >= ms(event.endsAt)) errors.startsAt = { code: "outside_event" };
  if (ms(session.endsAt) > ms(event.endsAt) || ms(session.endsAt) <= ms(event.startsAt)) errors.endsAt ??= { code: "outside_event" };
  return errors;
}

export interface ChoosableSession extends Timed {
  id: string;
  status: string;
}

/**
 * What is wrong with a set of chosen sessions of an event, as field errors under `key`:
 * a programme that takes no choices, an id that is not one of the event's sessions or
 * is cancelled, more than the event's maximum, two at the same time. `sessions` are the
 * event's sessions (all of them, cancelled ones included).
 */
export function choiceErrors(
  event: { programme: Programme; maxSessions: number | null },
  sessions: readonly ChoosableSession[],
  chosen: readonly string[],
  key = "sessions",
): FieldErrors {
  if (!chosen.length) return {};
  if (event.programme !== "choose") return { [key]: { code: "no_choices" } };
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const picked: ChoosableSession[] = [];
  for (const id of new Set(chosen)) {
    const s = byId.get(id);
    if (!s) return { [key]: { code: "unknown_session" } };
    if (s.status !== "scheduled") return { [key]: { code: "session_cancelled" } };
    picked.push(s);
  }
  if (picked.length < chosen.length) return { [key]: { code: "duplicate" } };
  if (event.maxSessions !== null && picked.length > event.maxSessions) return { [key]: { code: "too_many", max: event.maxSessions } };
  for (const [i, a] of picked.entries()) if (picked.slice(i + 1).some((b) => overlap(a, b))) return { [key]: { code: "overlapping" } };
  return {};
}
