import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { organisations } from "./organisations";

/**
 * An organisation's webhook endpoint: where the changes it subscribed to (`events`, a JSON
 * list of types such as "registration.confirmed") are POSTed, signed as Standard Webhooks
 * says. The signing secret is not stored: it is derived from the organisation's key and
 * `secretSalt` (src/domain/webhooks/secret.ts), so a rotation is a new salt, and the old
 * one signs beside it until `previousUntil`.
 * `disabledAt`: an owner paused it, or every delivery failed for three days
 * (`disabledReason` "failing"); `failingSince`: the first failure since the last success.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    events: text("events", { mode: "json" }).$type<string[]>().notNull(),
    secretSalt: text("secret_salt").notNull(),
    previousSalt: text("previous_salt"),
    previousUntil: integer("previous_until", { mode: "timestamp_ms" }),
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    disabledReason: text("disabled_reason").$type<"owner" | "failing">(),
    failingSince: integer("failing_since", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("webhook_endpoints_org_idx").on(t.orgId)],
);

/** `held`: written while its endpoint is paused or disabled; it goes once the endpoint is enabled again. */
export type WebhookDeliveryStatus = "pending" | "sending" | "held" | "delivered" | "failed";

/**
 * One message to one endpoint, written in the batch of the change it reports (by the
 * triggers of migrations/0022_webhooks.sql, or by the domain's statements beside the
 * change). `id` is its `webhook-id`, the same on every attempt; `payload` the exact body
 * signed and sent. `registrationId` finds a person's messages for erasure and retention.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    type: text("type").notNull(),
    registrationId: text("registration_id"),
    eventId: text("event_id"),
    payload: text("payload").notNull(),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull().default(sql`0`),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    leaseOwner: text("lease_owner"),
    firstAttemptAt: integer("first_attempt_at", { mode: "timestamp_ms" }),
    lastAttemptAt: integer("last_attempt_at", { mode: "timestamp_ms" }),
    lastStatusCode: integer("last_status_code"),
    lastDurationMs: integer("last_duration_ms"),
    lastError: text("last_error"),
    lastResponse: text("last_response"),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    // The dispatcher's due query, and the delivery log of one endpoint.
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    // An endpoint's log, newest first: the index's entries are in rowid order within an endpoint.
    index("webhook_deliveries_endpoint_idx").on(t.endpointId),
    index("webhook_deliveries_registration_idx").on(t.registrationId),
    index("webhook_deliveries_event_idx").on(t.eventId),
  ],
);
