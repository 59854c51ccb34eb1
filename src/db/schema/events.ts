import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bytes, organisations } from "./organisations";

export type EventStatus = "draft" | "published" | "cancelled";
export type Language = "sv" | "en" | "nb";
/** "auto": a freed seat goes to the first waitlisted at once; "offer": it is offered and held for a time. */
export type WaitlistMode = "auto" | "offer";
/**
 * How an event's sessions (src/db/schema/programme.ts) are booked: "none" (no programme),
 * "choose" (each attendee picks sessions, each with its own seats), "package" (one
 * registration is a seat in every session: a course of several dates, governed by the
 * event's capacity).
 */
export type Programme = "none" | "choose" | "package";
/** Who may sign up: anyone, only through a personal invitation, or anyone applying for the organiser to decide. */
export type Access = "public" | "invitation" | "approval";
export type QuestionKind = "text" | "textarea" | "select" | "multiselect" | "checkbox";
export interface Question {
  id: string;
  label: string;
  kind: QuestionKind;
  options?: string[];
  required?: boolean;
}
/** What an event says in one language other than its own: blank or left out means its own words. */
export interface EventTranslation {
  title?: string;
  description?: string;
  venue?: string;
  address?: string;
  /** Question labels by question id; the options stay as written (answers keep them). */
  questions?: Record<string, string>;
}
export type EventTranslations = Partial<Record<Language, EventTranslation>>;

export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description"),
    venue: text("venue"),
    address: text("address"),
    onlineUrl: text("online_url"),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    timezone: text("timezone").notNull().default("Europe/Stockholm"),
    capacity: integer("capacity").notNull(),
    waitlist: integer("waitlist", { mode: "boolean" }).notNull().default(true),
    waitlistMode: text("waitlist_mode").$type<WaitlistMode>().notNull().default("auto"),
    // How long an offer holds its seat (1–10080, checked by the API's schema: a CHECK here
    // would rebuild the table); cut short an hour before the start.
    offerMinutes: integer("offer_minutes").notNull().default(1440),
    language: text("language").$type<Language>().notNull().default("sv"),
    registrationOpensAt: integer("registration_opens_at", { mode: "timestamp_ms" }),
    registrationClosesAt: integer("registration_closes_at", { mode: "timestamp_ms" }),
    status: text("status").$type<EventStatus>().notNull().default("published"),
    questions: text("questions", { mode: "json" }).$type<Question[]>().notNull().default([]),
    // The title, description, venue, address and question labels in other languages
    // (src/domain/events/translations.ts); the columns above are in `language`.
    translations: text("translations", { mode: "json" }).$type<EventTranslations>().notNull().default({}),
    // How many people one submission of the web form may register (the submitter included).
    groupLimit: integer("group_limit").notNull().default(5),
    // How its sessions are booked (src/db/schema/programme.ts), and at most how many one
    // attendee may choose ("choose"; null: no limit).
    programme: text("programme").$type<Programme>().notNull().default("none"),
    maxSessions: integer("max_sessions"),
    // Who may sign up (src/domain/access), whether the event is on the organisation's
    // public lists (unlisted: reachable by its link only), and at most how many live
    // registrations one company may hold (null: no quota).
    access: text("access").$type<Access>().notNull().default("public"),
    listed: integer("listed", { mode: "boolean" }).notNull().default(true),
    companyQuota: integer("company_quota"),
    // Marks the rows a write batch touched so later statements of the same batch can
    // find them (D1 has no interactive transactions to carry ids between statements).
    changeId: text("change_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    // Set when retention removed the attendees' personal data; counts remain.
    anonymisedAt: integer("anonymised_at", { mode: "timestamp_ms" }),
    // Raised by triggers (migrations/0007_page_version.sql) in the statement that changes
    // the event or its organisation: a cached public page of another version is stale.
    pageVersion: integer("page_version").notNull().default(0),
    // The cover image: its content hash (its URL), type, size in pixels (the page's
    // width and height attributes) and alt text. Its bytes live in event_covers: this
    // row is read on every signup.
    coverHash: text("cover_hash"),
    coverType: text("cover_type"),
    coverWidth: integer("cover_width"),
    coverHeight: integer("cover_height"),
    coverAlt: text("cover_alt"),
  },
  (t) => [
    index("events_org_starts_idx").on(t.orgId, t.startsAt),
    // The reminder scan: published events starting soon.
    index("events_status_starts_idx").on(t.status, t.startsAt),
    // The services check these too; here they also hold against concurrent edits.
    check("events_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_not_negative", sql`${t.capacity} >= 0`),
    check("events_group_limit_range", sql`${t.groupLimit} BETWEEN 1 AND 20`),
    check(
      "events_registration_window",
      sql`${t.registrationOpensAt} IS NULL OR ${t.registrationClosesAt} IS NULL OR ${t.registrationClosesAt} > ${t.registrationOpensAt}`,
    ),
  ],
);

/** The emails that may carry an organiser's own paragraph for one event. */
export const emailTextKinds = ["confirmed", "waitlisted", "reminder"] as const;
export type EmailTextKind = (typeof emailTextKinds)[number];

/**
 * An organiser's own paragraph in one kind of email of one event, per language ("Parkera
 * vid entrén"). Apart from the events row, which every signup reads.
 */
export const eventEmailTexts = sqliteTable(
  "event_email_texts",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: text("kind").$type<EmailTextKind>().notNull(),
    language: text("language").$type<Language>().notNull(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.kind, t.language] })],
);

/** Uploaded cover images, one row per event and content hash; only the current one is kept. */
export const eventCovers = sqliteTable(
  "event_covers",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    hash: text("hash").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytes("bytes").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.hash] })],
);
