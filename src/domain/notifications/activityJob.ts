import { sql } from "drizzle-orm";
import { changedRows } from "../../db/client";
import type { NotificationKind } from "../../db/schema";
import { newId } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { ANONYMISED, emptyLists, notWithdrawn, type ActivityLists } from "./activity";
import { choiceFor } from "./preferences";
import { insertMemberMail, recipientsIn, type MemberMail } from "./recipients";

/** How far one run reads of each sequence: a burst is caught up over a few minutes, each run bounded. */
const PER_RUN = 2000;
/** Names one email lists per kind; the counts say how many in all. */
export const NAMES_PER_KIND = 50;
const CURSOR = "activity";

interface Happening {
  id: string;
  eventId: string;
  orgId: string;
  kind: NotificationKind;
  /** The member who added the person by hand: they need no email about it. */
  addedBy: string | null;
}

/**
 * The minute job behind "an email when something happens": reads the signups and ended
 * registrations written since the last run (by their sequence numbers, which the writes
 * assign in commit order, so nothing committed late is skipped) and queues one email per
 * member and event for everything in the period, e.g. "3 new registrations". The signup's
 * own write is untouched: signups are found by `registrations.seq`, and only an ending
 * in an organisation with such a subscriber is noted (by a trigger).
 *
 * Exactly once: moving the cursor and queueing the emails are one batch, and the emails
 * are written only if this run moved the cursor from where it read it. A rerun, or a
 * second runner at once, finds nothing new; a crash before the batch loses nothing.
 */
export async function queueOrganiserActivity({ ctx }: { ctx: ServiceContext }) {
  const [cursor] = await ctx.db.all<{ reg: number; end: number; topReg: number | null; topEnd: number | null }>(sql`
    SELECT registration_seq AS reg, ending_seq AS "end",
           (SELECT max(seq) FROM registrations) AS topReg, (SELECT max(seq) FROM registration_endings) AS topEnd
    FROM notification_cursor WHERE id = ${CURSOR}`);
  if (!cursor) return { queued: 0 };
  const hiReg = Math.min(Math.max(cursor.topReg ?? 0, cursor.reg), cursor.reg + PER_RUN);
  const hiEnd = Math.min(Math.max(cursor.topEnd ?? 0, cursor.end), cursor.end + PER_RUN);
  if (hiReg === cursor.reg && hiEnd === cursor.end) return { queued: 0 };

  const happenings = await readHappenings(ctx, { fromReg: cursor.reg, toReg: hiReg, fromEnd: cursor.end, toEnd: hiEnd });
  const mails = await mailsFor(ctx, happenings);
  const changeId = newId("chg");
  const moved = sql`EXISTS (SELECT 1 FROM notification_cursor WHERE id = ${CURSOR} AND change_id = ${changeId})`;
  const [move] = await ctx.db.batch([
    ctx.db.run(sql`
      UPDATE notification_cursor SET registration_seq = ${hiReg}, ending_seq = ${hiEnd}, change_id = ${changeId}
      WHERE id = ${CURSOR} AND registration_seq = ${cursor.reg} AND ending_seq = ${cursor.end}`),
    insertMemberMail(ctx, mails, moved),
    // The notes are read: they are of no further use.
    ctx.db.run(sql`DELETE FROM registration_endings WHERE seq <= ${hiEnd} AND ${moved}`),
  ]);
  return { queued: changedRows(move) ? mails.length : 0 };
}

/** Signups with seq in (fromReg, toReg] and endings noted in (fromEnd, toEnd], of organisations with a subscriber. */
async function readHappenings(ctx: ServiceContext, r: { fromReg: number; toReg: number; fromEnd: number; toEnd: number }) {
  const subscribed = sql`EXISTS (SELECT 1 FROM notification_preferences p WHERE p.org_id = e.org_id AND p.mode = 'each')`;
  return ctx.db.all<Happening>(sql`
    SELECT r.id, r.event_id AS eventId, e.org_id AS orgId, 'signup' AS kind, r.added_by AS addedBy
    FROM registrations r JOIN events e ON e.id = r.event_id
    WHERE r.seq > ${r.fromReg} AND r.seq <= ${r.toReg} AND e.status <> 'cancelled' AND r.email_key NOT LIKE ${ANONYMISED} AND ${subscribed}
    UNION ALL
    SELECT r.id, r.event_id, e.org_id, CASE n.status WHEN 'cancelled' THEN 'cancellation' ELSE 'expired_offer' END, NULL
    FROM registration_endings n JOIN registrations r ON r.id = n.registration_id JOIN events e ON e.id = r.event_id
    WHERE n.seq > ${r.fromEnd} AND n.seq <= ${r.toEnd} AND e.status <> 'cancelled' AND r.email_key NOT LIKE ${ANONYMISED}
      AND (n.status = 'cancelled' OR ${notWithdrawn(sql`n.registration_id`)})`);
}

/** One email per member and event, naming what that member asked to hear of. */
async function mailsFor(ctx: ServiceContext, happenings: Happening[]): Promise<MemberMail[]> {
  if (!happenings.length) return [];
  const recipients = await recipientsIn(ctx, [...new Set(happenings.map((h) => h.orgId))], "each");
  const mails: MemberMail[] = [];
  for (const to of recipients) {
    const perEvent = new Map<string, ActivityLists>();
    for (const h of happenings) {
      if (h.orgId !== to.orgId || h.addedBy === to.id) continue;
      const choice = choiceFor(to.prefs, h.eventId);
      if (choice.mode !== "each" || !choice.kinds.includes(h.kind)) continue;
      let lists = perEvent.get(h.eventId);
      if (!lists) perEvent.set(h.eventId, (lists = emptyLists()));
      if (!lists[h.kind].includes(h.id)) lists[h.kind].push(h.id);
    }
    for (const [eventId, lists] of perEvent) {
      const totals = Object.fromEntries(Object.entries(lists).map(([k, ids]) => [k, ids.length]));
      const named = Object.fromEntries(Object.entries(lists).map(([k, ids]) => [k, ids.slice(0, NAMES_PER_KIND)]));
      mails.push({ kind: "organiser_activity", orgId: to.orgId, eventId, to, payload: { ...named, totals } });
    }
  }
  return mails;
}
