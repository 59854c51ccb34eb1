import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Language } from "./events";
import { organisations } from "./organisations";

/** What a member may do in /admin: owner ⊃ organiser ⊃ checkin. */
export type Role = "owner" | "organiser" | "checkin";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    // Trimmed and lower-cased: one account per address and organisation.
    emailKey: text("email_key").notNull(),
    name: text("name"),
    role: text("role").$type<Role>().notNull(),
    // `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; null until a password is set
    // (a member may sign in with login links only).
    passwordHash: text("password_hash"),
    // The language of the workspace and of the member's emails.
    language: text("language").$type<Language>().notNull().default("sv"),
    // When the member chose it in the workspace; until then each sign-in takes the
    // browser's language, and each page follows the browser.
    languageChosenAt: integer("language_chosen_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("users_org_email_idx").on(t.orgId, t.emailKey), index("users_email_idx").on(t.emailKey)],
);

/** Signed-in browsers. Only the SHA-256 of the cookie's value is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    // Sliding: pushed forward while the session is used, never past `absoluteExpiresAt`.
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    absoluteExpiresAt: integer("absolute_expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time login links sent by email; minted when the email is composed, hashed. */
export const loginLinks = sqliteTable(
  "login_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("login_links_user_idx").on(t.userId)],
);

/**
 * Failed sign-ins per key (an email address, and a client address), kept in the database
 * so the slow-down holds across processes and Workers isolates.
 */
export const loginFailures = sqliteTable("login_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  lastFailureAt: integer("last_failure_at", { mode: "timestamp_ms" }).notNull(),
});

/** Every change an organiser makes, for the owners to read. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    // Kept when the member is removed: the log outlives accounts.
    userId: text("user_id"),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    // Facts about the change; personal data here is scrubbed with the registration's.
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("audit_log_org_idx").on(t.orgId, t.seq), index("audit_log_subject_idx").on(t.subjectId)],
);

/**
 * Browsers that signed in to an account with its password (OWASP's device cookies): only
 * the hash of the cookie's secret is kept. Failed attempts from a known device count
 * against that device, so someone guessing at an account cannot lock its owner out of
 * the browsers they already use. One browser may be known to several accounts.
 */
export const knownDevices = sqliteTable(
  "known_devices",
  {
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenHash, t.userId] }), index("known_devices_user_idx").on(t.userId)],
);
