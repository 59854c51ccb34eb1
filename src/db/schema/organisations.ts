import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const organisations = sqliteTable("organisations", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  // When set, every signup must carry consent: true (GDPR notice on the form).
  requireConsent: integer("require_consent", { mode: "boolean" }).notNull().default(false),
  privacyUrl: text("privacy_url"),
  // The ORGANIZER of calendar invites and the Reply-To of emails; MAIL_FROM when unset.
  contactEmail: text("contact_email"),
  // Origins (scheme://host[:port]) whose pages may show the signup form in an iframe.
  embedOrigins: text("embed_origins", { mode: "json" }).$type<string[]>().notNull().default([]),
  // Days after an event's end that attendees' personal data is kept; null keeps it.
  retentionDays: integer("retention_days"),
  // Signs check-in codes (HMAC). Not a credential anyone presents, so kept as is.
  checkinKey: text("checkin_key"),
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // SHA-256 of the token, hex. The token itself is shown once and never stored.
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    // Noted at most once a minute (TOKEN_USE_PRECISION_MS), so owners can tell a token in use.
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_tokens_org_idx").on(t.orgId)],
);
