import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { events } from "./events";
import { organisations } from "./organisations";

/** What a member hears of an event's activity: an email per batch, a daily digest, or nothing. */
export type NotificationMode = "each" | "digest" | "none";
/** The activity an `each` member may tick. */
export type NotificationKind = "signup" | "cancellation" | "expired_offer";

/**
 * A member's choice of organiser notifications: with no event, their default for every
 * event of the organisation; with an event, an override for that one. No row is `none`.
 */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Kept beside the member so the jobs find an organisation's subscribers with one index.
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    eventId: text("event_id").references(() => events.id, { onDelete: "cascade" }),
    mode: text("mode").$type<NotificationMode>().notNull(),
    // For `each`: which activity gets an email (a JSON array of NotificationKind).
    kinds: text("kinds", { mode: "json" }).$type<NotificationKind[]>().notNull().default([]),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // SQLite counts NULLs as distinct, so the default and the overrides each get a partial index.
    uniqueIndex("notification_preferences_default_idx").on(t.userId).where(sql`event_id IS NULL`),
    uniqueIndex("notification_preferences_event_idx").on(t.userId, t.eventId).where(sql`event_id IS NOT NULL`),
    index("notification_preferences_org_idx").on(t.orgId, t.mode),
  ],
);

/**
 * How far the activity job has read: registrations by `seq` and ended registrations by
 * `registration_endings.seq`. Both sequences are assigned inside the writes, which SQLite
 * serialises, so a number read here never skips a row committed later. One row, "activity".
 */
export const notificationCursor = sqliteTable("notification_cursor", {
  id: text("id").primaryKey(),
  registrationSeq: integer("registration_seq").notNull(),
  endingSeq: integer("ending_seq").notNull(),
  // The run that moved it last: the outbox rows of a run are written only if it did.
  changeId: text("change_id"),
});

/**
 * Registrations that ended (cancelled, or an offer that ended) in an organisation where
 * someone gets an email per batch, written by a trigger on `registrations`
 * (migrations/0016_organiser_notifications.sql), so no cancelling path can forget it. The
 * activity job reads and removes them; a signup never writes here.
 */
export const registrationEndings = sqliteTable("registration_endings", {
  seq: integer("seq").primaryKey({ autoIncrement: true }),
  registrationId: text("registration_id").notNull(),
  eventId: text("event_id").notNull(),
  status: text("status").notNull(),
});

/** The daily digests a member was sent (or had nothing for): one per member and local day. */
export const notificationDigests = sqliteTable(
  "notification_digests",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The digest's local day (YYYY-MM-DD on its clock).
    day: text("day").notNull(),
    // The end of the period it covers; the next digest starts here.
    until: integer("until", { mode: "timestamp_ms" }).notNull(),
    changeId: text("change_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
