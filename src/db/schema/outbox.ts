import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Language } from "./events";

export type OutboxKind =
  | "confirmed"
  | "waitlisted"
  | "promoted"
  | "offered"
  | "expired"
  | "offer_withdrawn"
  | "cancelled"
  | "event_updated"
  | "event_cancelled"
  | "manage_link"
  | "reminder"
  | "organiser_message"
  | "substitute_confirmed"
  | "substitute_replaced"
  | "login_link"
  | "organiser_activity"
  | "organiser_digest"
  // The programme: a seat given from a session's waitlist, a session moved or added (a
  // package's new date), a session cancelled.
  | "session_promoted"
  | "session_changed"
  | "session_cancelled"
  // Access: an invitation (or its reminder), an application received, one declined.
  | "invitation"
  | "application_received"
  | "application_declined"
  // To each owner: a webhook endpoint disabled after three days of failures (its payload:
  // endpointId, url, failingSince), written by the webhook dispatcher.
  | "webhook_disabled";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "skipped";

export const outbox = sqliteTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    kind: text("kind").$type<OutboxKind>().notNull(),
    orgId: text("org_id").notNull(),
    // Null for messages about no event (a login link).
    eventId: text("event_id"),
    // The member a login link or an organiser notification goes to.
    userId: text("user_id"),
    registrationId: text("registration_id"),
    toEmail: text("to_email").notNull(),
    toName: text("to_name"),
    locale: text("locale").$type<Language>().notNull(),
    // Kind-specific facts frozen at the time of the change (e.g. what changed).
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    // Which dispatcher run holds the lease: a run that lost its lease must not finish the row.
    leaseOwner: text("lease_owner"),
    lastError: text("last_error"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_registration_idx").on(t.registrationId),
    // Login-link throttling looks up a member's recent links. Partial: a signup's message
    // has no user, and an index entry per signup cost the flash crowd (npm run bench).
    index("outbox_user_idx").on(t.userId).where(sql`user_id IS NOT NULL`),
  ],
);

/**
 * The mail queue held because the mail server refuses our set-up (the sender, relaying,
 * the login, TLS): at most one row, while it lasts. Nothing is sent before `until`; then
 * one message tries again, and a send that gets past the set-up ends the hold.
 */
export const mailHold = sqliteTable("mail_hold", {
  // Always "queue": one transport per deployment, so one hold.
  id: text("id").primaryKey(),
  since: integer("since", { mode: "timestamp_ms" }).notNull(),
  until: integer("until", { mode: "timestamp_ms" }).notNull(),
  // How many tries in a row the set-up was refused: the backoff's step.
  attempts: integer("attempts").notNull(),
  reason: text("reason").notNull(),
});
