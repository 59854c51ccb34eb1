import { sql } from "drizzle-orm";
import { toLocalInput } from "../../lib/localTime";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, type EventRow } from "../events";

const DAY_MS = 86_400_000;
// Signups are counted per quarter hour in SQL and put on the event's calendar here: the
// rows read grow with the days of the signup period, not with the people signed up.
const BUCKET_MS = 15 * 60_000;
const MAX_DAYS = 400;

export interface SignupCurve {
  event: EventRow;
  /** The event's calendar days from the first signup to today (or the start, if earlier). */
  days: string[];
  /** Those holding a seat now and those waiting now, by the day they signed up, summed up to each day. */
  confirmed: number[];
  waitlisted: number[];
}

/**
 * How an event filled: for each day on the event's own calendar, how many of the people
 * confirmed or waiting now had signed up by its end. Cancelled registrations are left
 * out, so the last day's numbers are the list's.
 */
export async function signupCurve({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { eventId: string } }): Promise<SignupCurve> {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  const rows = await ctx.db.all<{ bucket: number; confirmed: number; waitlisted: number }>(sql`
    SELECT created_at / ${BUCKET_MS} AS bucket, sum(status = 'confirmed') AS confirmed, sum(status = 'waitlisted') AS waitlisted
    FROM registrations WHERE event_id = ${event.id} AND status IN ('confirmed', 'waitlisted')
    GROUP BY bucket ORDER BY bucket`);
  const dayOf = (ms: number) => toLocalInput(new Date(ms), event.timezone).slice(0, 10);
  const perDay = new Map<string, { confirmed: number; waitlisted: number }>();
  for (const r of rows) {
    const day = dayOf(r.bucket * BUCKET_MS);
    const sum = perDay.get(day) ?? { confirmed: 0, waitlisted: 0 };
    sum.confirmed += r.confirmed;
    sum.waitlisted += r.waitlisted;
    perDay.set(day, sum);
  }
  if (!rows.length) return { event, days: [], confirmed: [], waitlisted: [] };
  const first = rows[0]!.bucket * BUCKET_MS;
  // Up to today, or the start if that came first; and never short of the latest signup
  // (someone added at the door), so the last day's numbers are the list's.
  const last = Math.max(rows.at(-1)!.bucket * BUCKET_MS, Math.min(ctx.now().getTime(), event.startsAt.getTime()));
  // Every day between, signups or not, so the line's slope is true to the calendar;
  // noon steps keep clear of the days a clock change makes 23 or 25 hours long.
  const days: string[] = [];
  for (let at = Date.parse(`${dayOf(first)}T12:00:00Z`); days.length < MAX_DAYS; at += DAY_MS) {
    const day = new Date(at).toISOString().slice(0, 10);
    days.push(day);
    if (day >= dayOf(last)) break;
  }
  let confirmed = 0;
  let waitlisted = 0;
  const curve = { confirmed: [] as number[], waitlisted: [] as number[] };
  for (const [i, day] of days.entries()) {
    // A signup period longer than MAX_DAYS: its last drawn day takes in the rest.
    const counted = i === days.length - 1 ? [...perDay].filter(([d]) => d >= day).map(([, n]) => n) : [perDay.get(day)];
    for (const n of counted) {
      confirmed += n?.confirmed ?? 0;
      waitlisted += n?.waitlisted ?? 0;
    }
    curve.confirmed.push(confirmed);
    curve.waitlisted.push(waitlisted);
  }
  return { event, days, ...curve };
}
