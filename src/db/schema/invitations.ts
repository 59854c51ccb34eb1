import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { events, type Language } from "./events";

/**
 * What an organiser did with an invitation: made it (not sent yet), sent it, or revoked
 * it; `declined`: the invitee said no. Visits and registrations are facts of their own
 * (`visitedAt`, the registrations that name it).
 */
export type InvitationStatus = "created" | "sent" | "declined" | "revoked";

/**
 * A personal invitation to an event by invitation: its link registers up to `seats`
 * people (the invitee and colleagues). The link's secret is not stored: it is a MAC of
 * the id under the organisation's key (src/domain/access/invitationLink.ts).
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    organisation: text("organisation"),
    language: text("language").$type<Language>(),
    seats: integer("seats").notNull().default(1),
    status: text("status").$type<InvitationStatus>().notNull().default("created"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    visitedAt: integer("visited_at", { mode: "timestamp_ms" }),
    remindedAt: integer("reminded_at", { mode: "timestamp_ms" }),
    declinedAt: integer("declined_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    changeId: text("change_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("invitations_event_email_idx").on(t.eventId, t.emailKey), index("invitations_event_idx").on(t.eventId, t.createdAt)],
);

/**
 * A pasted or uploaded list on its way in: written in chunks (D1 takes at most 100 bound
 * values per statement), then moved into `invitations` by one statement, so a list is
 * seen whole or not at all.
 */
export const invitationImports = sqliteTable(
  "invitation_imports",
  {
    importId: text("import_id").notNull(),
    line: integer("line").notNull(),
    eventId: text("event_id").notNull(),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    organisation: text("organisation"),
    language: text("language"),
    seats: integer("seats").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("invitation_imports_idx").on(t.importId, t.line)],
);
