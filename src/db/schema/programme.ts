import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { events } from "./events";
export type { Programme } from "./events";
import { registrations } from "./registrations";

export const programmes = ["none", "choose", "package"] as const;
export type SessionStatus = "scheduled" | "cancelled";

/** A part of an event's programme: a talk, a workshop, a company visit, one date of a course. */
export const eventSessions = sqliteTable(
  "event_sessions",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    track: text("track"),
    venue: text("venue"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    // Null: no limit of its own. Ignored in a package, where the event's capacity governs.
    capacity: integer("capacity"),
    // Whether a full session takes a waitlist of its own, or refuses the choice.
    waitlist: integer("waitlist", { mode: "boolean" }).notNull().default(true),
    // The organiser's order within a day; the programme is shown by start, then this.
    position: integer("position").notNull().default(0),
    status: text("status").$type<SessionStatus>().notNull().default("scheduled"),
    // Raised with each change of time or place: the SEQUENCE of its calendar entries.
    sequence: integer("sequence").notNull().default(0),
    changeId: text("change_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("event_sessions_event_idx").on(t.eventId, t.startsAt),
    check("event_sessions_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("event_sessions_capacity_not_negative", sql`${t.capacity} IS NULL OR ${t.capacity} >= 0`),
  ],
);

/**
 * `pending`: chosen by someone who has no seat of the event yet (waitlisted or offered);
 * decided, by a trigger, in the write that confirms them. `cancelled`: removed, the
 * session cancelled, or the registration ended.
 */
export type SessionChoiceStatus = "confirmed" | "waitlisted" | "pending" | "cancelled";
export const liveChoiceStatuses = ["confirmed", "waitlisted", "pending"] as const;

/** A registration's place in one session: a seat, a place on its waitlist, or a wish not yet decided. */
export const sessionChoices = sqliteTable(
  "session_choices",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    registrationId: text("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => eventSessions.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    status: text("status").$type<SessionChoiceStatus>().notNull(),
    // The session's waitlist is in this order (then seq): a wish decided when its holder
    // got the event's seat joins the waitlist then, behind those already on it.
    queuedAt: integer("queued_at").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    checkedInAt: integer("checked_in_at", { mode: "timestamp_ms" }),
    // 1 while a seat given from the session's waitlist has not been told yet.
    notify: integer("notify").notNull().default(0),
    changeId: text("change_id"),
  },
  (t) => [
    uniqueIndex("session_choices_live_idx")
      .on(t.registrationId, t.sessionId)
      .where(sql`status IN ('confirmed', 'waitlisted', 'pending')`),
    index("session_choices_waitlist_idx").on(t.sessionId, t.status, t.queuedAt, t.seq),
    index("session_choices_pending_idx").on(t.registrationId).where(sql`status = 'pending'`),
    index("session_choices_notify_idx").on(t.eventId).where(sql`notify = 1`),
    // A registration's places whatever their status (a webhook's payload, a change's own rows).
    index("session_choices_registration_idx").on(t.registrationId),
  ],
);

/** A session's confirmed and waitlisted places, kept by triggers like `event_tallies`. */
export const sessionTallies = sqliteTable("session_tallies", {
  sessionId: text("session_id")
    .primaryKey()
    .references(() => eventSessions.id, { onDelete: "cascade" }),
  confirmed: integer("confirmed").notNull().default(0),
  waitlisted: integer("waitlisted").notNull().default(0),
});
