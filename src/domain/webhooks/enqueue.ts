import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import type { WebhookType } from "./types";

// The payloads are built by the views of migrations/0022_webhooks.sql, as the triggers
// build theirs: one definition of what a webhook says of a registration and an event.

const deliveryColumns = sql`(id, endpoint_id, org_id, type, registration_id, event_id, payload, created_at)`;
const newDeliveryId = sql`'msg_' || lower(hex(randomblob(16)))`;
const subscribed = (type: WebhookType) =>
  sql`w.disabled_at IS NULL AND EXISTS (SELECT 1 FROM json_each(w.events) j WHERE j.value = ${type})`;
const envelope = (ctx: ServiceContext, type: WebhookType, data: SQL) =>
  sql`json_object('type', ${type}, 'timestamp', ${ctx.now().toISOString()}, 'data', ${data})`;

/**
 * A statement for a change's batch: one delivery of `type` about each registration in
 * `which` (an id, or a subquery of ids that the batch's earlier statements marked), with
 * its state as the batch leaves it, to each subscribed endpoint. Placed after the
 * statements that make the change, so it reads their result.
 */
export function registrationDelivery(ctx: ServiceContext, type: WebhookType, which: string | SQL) {
  const match = typeof which === "string" ? sql`d.registration_id = ${which}` : sql`d.registration_id IN ${which}`;
  return ctx.db.run(sql`
    INSERT INTO webhook_deliveries ${deliveryColumns}
    SELECT ${newDeliveryId}, w.id, w.org_id, ${type}, d.registration_id, d.event_id, ${envelope(ctx, type, sql`json(d.data)`)}, ${ctx.now().getTime()}
    FROM webhook_registration_data d JOIN webhook_endpoints w ON w.org_id = d.org_id
    WHERE ${match} AND ${subscribed(type)}`);
}

/** The same for a change to an event (`event.updated`), where `changed` holds (the batch's own change). */
export function eventDelivery(ctx: ServiceContext, type: WebhookType, eventId: string, changed: SQL = sql`1`) {
  return ctx.db.run(sql`
    INSERT INTO webhook_deliveries ${deliveryColumns}
    SELECT ${newDeliveryId}, w.id, w.org_id, ${type}, NULL, d.event_id, ${envelope(ctx, type, sql`json_object('event', json(d.data))`)}, ${ctx.now().getTime()}
    FROM webhook_event_data d JOIN webhook_endpoints w ON w.org_id = d.org_id
    WHERE d.event_id = ${eventId} AND ${changed} AND ${subscribed(type)}`);
}

/**
 * `registration.erased`: ids only, nothing of the person. Must come before the statement
 * that deletes the registration (it reads the event through it).
 */
export function erasedDelivery(ctx: ServiceContext, registrationId: string) {
  const data = sql`json_object('registration', json_object('id', r.id, 'eventId', r.event_id, 'status', 'erased'), 'event', json_object('id', r.event_id))`;
  return ctx.db.run(sql`
    INSERT INTO webhook_deliveries ${deliveryColumns}
    SELECT ${newDeliveryId}, w.id, w.org_id, 'registration.erased', r.id, r.event_id, ${envelope(ctx, "registration.erased", data)}, ${ctx.now().getTime()}
    FROM registrations r JOIN events e ON e.id = r.event_id JOIN webhook_endpoints w ON w.org_id = e.org_id
    WHERE r.id = ${registrationId} AND ${subscribed("registration.erased")}`);
}

/** The personal fields a payload may carry, blanked by erasure and retention. */
const personalPaths = [
  "$.data.registration.name",
  "$.data.registration.firstName",
  "$.data.registration.lastName",
  "$.data.registration.email",
  "$.data.registration.organisation",
  "$.data.registration.phone",
  "$.data.registration.answers",
  "$.data.invitation.email",
  "$.data.invitation.firstName",
  "$.data.invitation.lastName",
  "$.data.invitation.organisation",
];
const scrubbed = sql.raw(`json_remove(payload, ${personalPaths.map((p) => `'${p}'`).join(", ")})`);

/** Deliveries about one registration, sent or not, keep its ids and states, not the person. */
export const scrubRegistrationDeliveries = (ctx: ServiceContext, registrationId: string) =>
  ctx.db.run(sql`UPDATE webhook_deliveries SET payload = ${scrubbed}
                 WHERE registration_id = ${registrationId}`);

/** The same for every delivery about an event (retention of a past event's personal data). */
export const scrubEventDeliveries = (ctx: ServiceContext, eventId: string) =>
  ctx.db.run(sql`UPDATE webhook_deliveries SET payload = ${scrubbed}
                 WHERE event_id = ${eventId}`);

/** How long the delivery log keeps what was delivered or failed. */
export const DELIVERY_LOG_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** For the hourly retention run: the log's finished entries older than a month go. */
export const pruneDeliveryLog = (ctx: ServiceContext) =>
  ctx.db.run(sql`DELETE FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < ${ctx.now().getTime() - DELIVERY_LOG_KEPT_MS}`);
