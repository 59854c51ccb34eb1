import { sql } from "drizzle-orm";
import { TZDate } from "@date-fns/tz";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { activityBetween } from "./activity";
import { choiceFor } from "./preferences";
import { insertMemberMail, recipientsIn, type Recipient } from "./recipients";

/**
 * When the daily digest goes out: 07:00 on Swedish (and Norwegian) time, before the
 * working day. Organisations and members have no time zone of their own yet; every
 * organisation Plats serves is on this clock.
 */
export const DIGEST_HOUR = 7;
export const DIGEST_ZONE = "Europe/Stockholm";
const DAY_MS = 86_400_000;
/** A digest after a long outage covers at most this far back. */
const LONGEST_PERIOD_MS = 7 * DAY_MS;
/** Members one run handles at most: D1 counts queries per invocation; the rest go next minute. */
const MEMBERS_PER_RUN = 10;
/** Digest records kept per member (the next digest starts where the last ended). */
const KEPT_MS = 35 * DAY_MS;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The digest that is due at `now`: today's once its hour has come, else yesterday's
 * (which a server that was down at 07:00 still owes). Its day is the local date; `until`
 * is that day's digest hour, the end of the period it covers.
 */
export function dueDigest(now: Date, hour = DIGEST_HOUR, zone = DIGEST_ZONE) {
  const local = new TZDate(now.getTime(), zone);
  const at = (d: TZDate) => new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), hour, 0, zone);
  let day = at(local);
  if (day.getTime() > now.getTime()) {
    const yesterday = new TZDate(local.getTime(), zone);
    yesterday.setDate(yesterday.getDate() - 1);
    day = at(yesterday);
  }
  return { day: `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`, until: new Date(day.getTime()) };
}

/**
 * The daily digest: once a day, per member who chose it (for all events or some), one
 * email listing per event what happened since their last digest, with the counts as they
 * are. A day with nothing to tell is recorded and sends nothing.
 *
 * Exactly once per member and day: the day's record (user, day) is the claim, inserted
 * only if absent, and the email is written in the same batch only if this run's record
 * went in. Runs every minute on both schedulers; all but the first run of a day find
 * every member done.
 */
export async function queueOrganiserDigests({ ctx, hour = DIGEST_HOUR, zone = DIGEST_ZONE }: { ctx: ServiceContext; hour?: number; zone?: string }) {
  const { day, until } = dueDigest(ctx.now(), hour, zone);
  const pending = await ctx.db.all<{ orgId: string }>(sql`
    SELECT DISTINCT p.org_id AS orgId FROM notification_preferences p JOIN users u ON u.id = p.user_id
    WHERE p.mode = 'digest' AND u.disabled_at IS NULL AND u.role IN ('owner', 'organiser')
      AND NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.user_id = p.user_id AND d.day = ${day})
    LIMIT ${MEMBERS_PER_RUN}`);
  if (!pending.length) return { members: 0, queued: 0 };
  const members = (await recipientsIn(ctx, pending.map((p) => p.orgId), "digest")).slice(0, MEMBERS_PER_RUN);
  let queued = 0;
  for (const member of members) if (await digestFor(ctx, member, day, until)) queued++;
  return { members: members.length, queued };
}

/** One member's digest for `day`: true when an email was queued. */
async function digestFor(ctx: ServiceContext, member: Recipient, day: string, until: Date) {
  const [last] = await ctx.db.all<{ until: number | null; done: number }>(sql`
    SELECT (SELECT max(until) FROM notification_digests WHERE user_id = ${member.id} AND until < ${until.getTime()}) AS until,
           EXISTS (SELECT 1 FROM notification_digests WHERE user_id = ${member.id} AND day = ${day}) AS done`);
  if (last?.done) return false;
  const from = new Date(Math.max(last?.until ?? until.getTime() - DAY_MS, until.getTime() - LONGEST_PERIOD_MS));
  const activity = await activityBetween(ctx, { orgId: member.orgId, from, until });
  const events = [...activity.keys()].filter((id) => choiceFor(member.prefs, id).mode === "digest");
  const changeId = newId("chg");
  const claimed = sql`EXISTS (SELECT 1 FROM notification_digests WHERE user_id = ${member.id} AND day = ${day} AND change_id = ${changeId})`;
  await ctx.db.batch([
    ctx.db.run(sql`
      INSERT INTO notification_digests (user_id, day, until, change_id) VALUES (${member.id}, ${day}, ${until.getTime()}, ${changeId})
      ON CONFLICT (user_id, day) DO NOTHING`),
    insertMemberMail(
      ctx,
      events.length ? [{ kind: "organiser_digest", orgId: member.orgId, eventId: null, to: member, payload: { day, from: from.getTime(), until: until.getTime() } }] : [],
      claimed,
    ),
    ctx.db.run(sql`DELETE FROM notification_digests WHERE user_id = ${member.id} AND until < ${until.getTime() - KEPT_MS}`),
  ]);
  return events.length > 0;
}
