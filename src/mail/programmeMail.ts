import { sql } from "drizzle-orm";
import { laterQueued } from "./laterQueued";
import type { EmailSession, SessionNews } from "../../emails/types";
import { calendarSession, dayOn, sessionUid } from "../calendar/fromSession";
import type { InviteEntry, InviteEvent } from "../calendar/invite";
import { outbox, type registrations } from "../db/schema";
import type { ServiceContext } from "../domain/context";
import { seatedSessions, sessionEntries, type SessionEntry } from "../domain/calendars";
import type { EventRow } from "../domain/events";
import { choicesOf } from "../domain/programme";
import { formatWhen } from "../i18n/format";
import type { OutboxRow } from "./types";

type Registration = typeof registrations.$inferSelect;

/** What an email of an event with a programme adds to the usual one, or why it is no longer due. */
export interface ProgrammeFacts {
  /** The reader's places in sessions, for the list every email about a seat shows. */
  sessions: EmailSession[];
  about?: SessionNews;
  /** The time and room the details show instead of the event's (a later day's reminder). */
  details?: { when: string; venue: string | null };
  /**
   * The calendar part: undefined for the event's own invite as without a programme, null
   * for none, or one entry per date (a package), each with its own UID.
   */
  invite?: { method: "REQUEST" | "CANCEL"; entries: InviteEntry[] } | null;
}

interface Facts {
  row: OutboxRow;
  r: Registration;
  e: EventRow;
  /** The event as its invite shows it, in the reader's words. */
  inviteEvent: InviteEvent;
  live: boolean;
  confirmed: boolean;
}

// What a session_changed payload's fields mean to a reader.
const newsOf: Record<string, SessionNews["changed"][number]> = { startsAt: "time", endsAt: "time", venue: "place", title: "title" };

// The kinds that put the event in a confirmed attendee's calendar: a package's dates instead.
const requestKinds = new Set<OutboxRow["kind"]>(["confirmed", "substitute_confirmed", "promoted", "event_updated"]);
const cancelKinds = new Set<OutboxRow["kind"]>(["cancelled", "event_cancelled"]);

/**
 * The programme's part of an email, from the current state like the rest of it: the
 * reader's sessions; for a session's own message the session(s) it names, or a skip when
 * that is no longer true (a seat since given up, a session no longer theirs); and for a
 * course package, one calendar entry per date in place of the event's one.
 */
export async function programmeFacts(ctx: ServiceContext, f: Facts): Promise<ProgrammeFacts | { skip: string }> {
  const { row, r, e } = f;
  if (e.programme === "none") return { sessions: [] };
  const show = (s: Pick<SessionEntry, "title" | "venue" | "startsAt" | "endsAt">, state: EmailSession["state"] = "confirmed", position: number | null = null): EmailSession => ({
    title: s.title,
    when: formatWhen(s.startsAt, s.endsAt, e.timezone, r.language),
    venue: s.venue,
    state,
    position,
  });
  const sessions = f.live
    ? (await choicesOf(ctx, r.id)).map((c) => show({ ...c, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt) }, c.status, c.position))
    : [];
  const base = { sessions };
  const payload = row.payload as { session?: unknown; sessions?: unknown; changed?: unknown; added?: unknown; day?: unknown };
  const seated = f.confirmed ? await seatedSessions(ctx, r.id) : [];
  const news = (list: SessionEntry[], more: Partial<SessionNews> = {}): SessionNews => ({ sessions: list.map((s) => show(s)), changed: [], added: false, byFeed: false, ...more });
  const dated = (method: "REQUEST" | "CANCEL", list: SessionEntry[]) =>
    list.length && e.programme === "package" ? { method, entries: list.map((s) => dateEntry(r, s, f.inviteEvent)) } : null;

  switch (row.kind) {
    case "session_promoted": {
      const ids = Array.isArray(payload.sessions) ? payload.sessions : [];
      const given = seated.filter((s) => ids.includes(s.id));
      if (!given.length) return { skip: "no longer applies (no seat in the sessions it names)" };
      return { ...base, about: news(given), invite: null };
    }
    case "session_changed": {
      const [session] = seated.filter((s) => s.id === payload.session);
      if (!session) return { skip: "no longer applies (no seat in the session)" };
      const added = payload.added === true;
      if (!added && (await laterQueued(ctx, row, sql`json_extract(${outbox.payload}, '$.session') = ${session.id}`))) return { skip: "a later change of the same session follows" };
      const changed = [...new Set((Array.isArray(payload.changed) ? payload.changed : []).map((k) => newsOf[String(k)]).filter((k) => k !== undefined))];
      // A package's date is an invite of its own: updated in place (same UID, higher
      // SEQUENCE). Chosen sessions live in the feed: an invite too would be a second entry.
      return { ...base, about: news([session], { changed, added, byFeed: e.programme === "choose" }), invite: dated("REQUEST", [session]) };
    }
    case "session_cancelled": {
      const [session] = await sessionEntries(ctx, e.id, [String(payload.session)]);
      if (!f.live || session?.status !== "cancelled") return { skip: "no longer applies (session not cancelled, or registration ended)" };
      return { ...base, about: news([session]), invite: r.inviteSentAt ? dated("CANCEL", [session]) : null };
    }
    case "reminder": {
      // A later day of the programme (reminders.ts): the sessions they have that day.
      if (typeof payload.day !== "string") break;
      const thatDay = seated.filter((s) => dayOn(s.startsAt, e.timezone) === payload.day);
      if (!thatDay.length) return { skip: "no longer applies (no seat in a session that day)" };
      // "När" is their day, first start to last end; "Var" the room if it is one for all.
      const last = thatDay.reduce((a, b) => (b.endsAt > a.endsAt ? b : a));
      const rooms = new Set(thatDay.map((s) => s.venue));
      const details = { when: formatWhen(thatDay[0]!.startsAt, last.endsAt, e.timezone, r.language), venue: rooms.size === 1 ? thatDay[0]!.venue : null };
      return { ...base, about: news(thatDay), details };
    }
  }
  if (e.programme !== "package") return base;
  if (requestKinds.has(row.kind) && f.confirmed) return { ...base, ...(seated.length ? { invite: dated("REQUEST", seated) } : {}) };
  if (cancelKinds.has(row.kind) && r.inviteSentAt) {
    // Their seats were released with the registration: withdraw every date still on.
    const dates = (await sessionEntries(ctx, e.id)).filter((s) => s.status === "scheduled");
    return { ...base, ...(dates.length ? { invite: dated("CANCEL", dates) } : {}) };
  }
  return base;
}

/**
 * One date of a package in a person's calendar. Its SEQUENCE grows with the date's own
 * changes and with the registration's (an event update, a cancellation), so every
 * message that touches the entry outranks the one before.
 */
const dateEntry = (r: Registration, s: SessionEntry, event: InviteEvent): InviteEntry => ({
  uid: sessionUid(r.id, s.id),
  sequence: s.sequence + r.inviteSequence,
  event: calendarSession(s, event),
});

