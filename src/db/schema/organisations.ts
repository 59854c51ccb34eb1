import { sql } from "drizzle-orm";
import { customType, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
  // Branding, shown on the public pages, the embed and every email to attendees. The
  // logo's bytes live in organisation_logos: this row is read on every signup.
  accentColor: text("accent_color"),
  contactPhone: text("contact_phone"),
  footer: text("footer"),
  // The current logo's content hash (its URL) and MIME type; null: no logo.
  logoHash: text("logo_hash"),
  logoType: text("logo_type"),
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

/**
 * A blob as bytes on both runtimes: libSQL hands back an ArrayBuffer, D1 an array of
 * numbers, and drizzle's own blob column reaches for Node's Buffer, which workerd lacks.
 */
export const bytes = customType<{ data: Uint8Array; driverData: ArrayBuffer | ArrayLike<number> | Uint8Array }>({
  dataType: () => "blob",
  toDriver: (value) => value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer,
  fromDriver: (value) => (value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : Uint8Array.from(value)),
});

/** Uploaded logos, one row per organisation and content hash; only the current one is kept. */
export const organisationLogos = sqliteTable(
  "organisation_logos",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    hash: text("hash").notNull(),
    contentType: text("content_type").notNull(),
    bytes: bytes("bytes").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.hash] })],
);
