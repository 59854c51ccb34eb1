import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { events, type Language } from "./events";

/**
 * `offered`: a freed seat held for a waitlisted person until `offerExpiresAt` (events in
 * "offer" mode); `expired`: an offer not taken (it ran out or the organiser withdrew it).
 * `pending`: an application to an event by approval, holding no seat until the organiser
 * approves it; `declined`: an application the organiser turned down.
 */
export type RegistrationStatus = "confirmed" | "waitlisted" | "offered" | "pending" | "cancelled" | "expired" | "declined";
/** The statuses that hold an email for an event: one live registration per address. */
export const liveStatuses = ["confirmed", "waitlisted", "offered", "pending"] as const;
/** `liveStatuses` as an SQL list, for `status IN ${liveStatusesSql}` (constants, not bound values). */
export const liveStatusesSql = sql.raw(`(${liveStatuses.map((s) => `'${s}'`).join(", ")})`);
export type Answers = Record<string, string | string[] | boolean>;

export const registrations = sqliteTable(
  "registrations",
  {
    // Assigned by SQLite inside the write, so it is the true arrival order.
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    id: text("id").notNull().unique(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    // The full name as shown ("first last"), and its parts as the person typed them: the
    // greeting uses the first name, the printed list and the door sort by the last.
    name: text("name").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    email: text("email").notNull(),
    // Trimmed, lower-cased: the identity used for "one live registration per email".
    emailKey: text("email_key").notNull(),
    organisation: text("organisation"),
    // foldText(name, organisation, email) (src/lib/searchText.ts), written by the domain
    // with every change of those fields, so the attendance list searches in SQL with the
    // same rule as the door: SQLite's lower() and FTS5 fold neither accents nor "ø".
    searchText: text("search_text").notNull().default(""),
    phone: text("phone"),
    language: text("language").$type<Language>().notNull(),
    answers: text("answers", { mode: "json" }).$type<Answers>().notNull().default({}),
    consentAt: integer("consent_at", { mode: "timestamp_ms" }),
    status: text("status").$type<RegistrationStatus>().notNull(),
    // Raised on every change that re-sends or withdraws the calendar invite.
    inviteSequence: integer("invite_sequence").notNull().default(0),
    // Set once a REQUEST invite has actually gone out: only then is a CANCEL due.
    inviteSentAt: integer("invite_sent_at", { mode: "timestamp_ms" }),
    // Marks the rows a write batch changed so later statements of the batch can find
    // them. Always looked up together with event_id, so it needs no index of its own.
    changeId: text("change_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    cancelledAt: integer("cancelled_at", { mode: "timestamp_ms" }),
    checkedInAt: integer("checked_in_at", { mode: "timestamp_ms" }),
    // The member who added this person by hand (null: the person signed up).
    addedBy: text("added_by"),
    // An organiser seated this person beyond capacity, deliberately (and audited).
    overCapacity: integer("over_capacity", { mode: "boolean" }).notNull().default(false),
    // While offered: when the held seat passes to the next person (never later than an
    // hour before the start). Kept after the offer ends, as a record of it.
    offerExpiresAt: integer("offer_expires_at", { mode: "timestamp_ms" }),
    // The seat's holder sent someone in their place: when, and who they were (their name
    // for the attendance list, their email key so their own erasure finds it). Wiped with
    // the rest of the personal data by retention and erasure.
    substitutedAt: integer("substituted_at", { mode: "timestamp_ms" }),
    substitutedName: text("substituted_name"),
    substitutedEmailKey: text("substituted_email_key"),
    // The invitation whose link this person came through (an event by invitation).
    invitationId: text("invitation_id"),
    // The organisation as a company quota counts it (src/domain/access/companyKey.ts):
    // written with every change of `organisation`.
    companyKey: text("company_key"),
  },
  (t) => [
    uniqueIndex("registrations_live_email_idx")
      .on(t.eventId, t.emailKey)
      .where(sql`status IN ('confirmed', 'waitlisted', 'offered', 'pending')`),
    index("registrations_event_status_seq_idx").on(t.eventId, t.status, t.seq),
    // The expiry sweep: the offers whose time is up, without reading any other row.
    index("registrations_offer_expiry_idx").on(t.offerExpiresAt).where(sql`status = 'offered'`),
    // An invitation's seats and a company's quota are counted in the write: these keep the
    // counts to the invitation's or the company's own rows.
    index("registrations_invitation_idx").on(t.invitationId, t.status).where(sql`invitation_id IS NOT NULL`),
    index("registrations_company_idx").on(t.eventId, t.companyKey, t.status).where(sql`company_key IS NOT NULL`),
  ],
);

// Several links may be valid for one registration: every email mints its own, so an
// older email's link keeps working. Only the SHA-256 is stored.
export const manageTokens = sqliteTable(
  "manage_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    registrationId: text("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("manage_tokens_registration_idx").on(t.registrationId)],
);

/**
 * How many of an event's registrations hold each kind of place, kept by triggers on
 * `registrations` (migrations/0006_event_tallies.sql) inside the statement that changes a
 * row, so every write path keeps it without knowing, and a seat decision reads one row
 * instead of counting thousands. No row yet means no registrations.
 */
export const eventTallies = sqliteTable("event_tallies", {
  eventId: text("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  confirmed: integer("confirmed").notNull().default(0),
  waitlisted: integer("waitlisted").notNull().default(0),
  // Seats held for an offer (migrations/0010_waitlist_offers.sql): taken like confirmed ones.
  offered: integer("offered").notNull().default(0),
});
