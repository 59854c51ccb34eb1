import { sql, type SQL } from "drizzle-orm";
import type { ServiceContext } from "../context";
import type { WebhookType } from "./types";

// The payloads are built by the views of migrations/0022_webhooks.sql, as the triggers
// build theirs: one definition of what a webhook says of a registration and an event.

const deliveryColumns = sql`(id, endpoint_id, org_id, type, registration_id, event_id, payload, status, created_at)`;
const newDeliveryId = sql`'msg_' || lower(hex(randomblob(16)))`;
// Written whatever the endpoint's state: one paused or disabled holds its messages until enabled.
const initialStatus = sql`iif(w.disabled_at IS NULL, 'pending', 'held')`;
const subscribed = (type: WebhookType | SQL) => sql`EXISTS (SELECT 1 FROM json_each(w.events) j WHERE j.value = ${type})`;
const envelope = (ctx: ServiceContext, type: WebhookType, data: SQL) =>
  sql`json_object('type', ${type}, 'timestamp', ${ctx.now().toISOString()}, 'data', ${data})`;

// In this order (CROSS JOIN keeps it): the registration, its organisation's endpoints, and
// only then the payload, so an organisation without endpoints costs two index lookups.
const fromEndpointsThenPayload = sql`
    FROM registrations r
    CROSS JOIN events e ON e.id = r.event_id
    CROSS JOIN webhook_endpoints w ON w.org_id = e.org_id
    CROSS JOIN webhook_registration_data d ON d.registration_id = r.id`;

/**
 * A statement for a change's batch: one delivery of `type` about each registration in
 * `which` (an id, or a subquery of ids that the batch's earlier statements marked), with
 * its state as the batch leaves it, to each subscribed endpoint. Placed after the
 * statements that make the change, so it reads their result.
 */
export function registrationDelivery(ctx: ServiceContext, type: WebhookType, which: string | SQL) {
  const match = typeof which === "string" ? sql`r.id = ${which}` : sql`r.id IN ${which}`;
  return ctx.db.run(sql`
    INSERT INTO webhook_deliveries ${deliveryColumns}
    SELECT ${newDeliveryId}, w.id, w.org_id, ${type}, d.registration_id, d.event_id, ${envelope(ctx, type, sql`json(d.data)`)}, ${initialStatus}, ${ctx.now().getTime()}
    ${fromEndpointsThenPayload}
    WHERE ${match} AND ${subscribed(type)}`);
}

/**
 * A new registration of an event with a programme: `registration.created`, the status it
 * entered (and `checked_in` for a walk-in), told after the batch has written its places,
 * so the payload lists them. (Without a programme the insert's trigger tells it.)
 */
export function newRegistrationDeliveries(ctx: ServiceContext, registrationId: string) {
  const type = sql`CASE t.n WHEN 1 THEN 'registration.created' WHEN 2 THEN 'registration.' || r.status ELSE 'registration.checked_in' END`;
  const envelopeOf = sql`json_object('type', ${type}, 'timestamp', ${ctx.now().toISOString()}, 'data', json(d.data))`;
  return ctx.db.run(sql`
    INSERT INTO webhook_deliveries ${deliveryColumns}
    SELECT ${newDeliveryId}, w.id, w.org_id, ${type}, d.registration_id, d.event_id, ${envelopeOf}, ${initialStatus}, ${ctx.now().getTime()}
    FROM registrations r
    CROSS JOIN events e ON e.id = r.event_id AND e.programme <> 'none'
    CROSS JOIN webhook_endpoints w ON w.org_id = e.org_id
    CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3) t ON t.n < 3 OR r.checked_in_at IS NOT NULL
    CROSS JOIN webhook_registration_data d ON d.registration_id = r.id
    WHERE r.id = ${registrationId} AND ${subscribed(type)}
    ORDER BY w.rowid, t.n`);
}

/** The same for a change to an event (`event.updated`), where `changed` holds (the batch's own change). */
export function eventDelivery(ctx: ServiceContext, type: WebhookType, eventId: string, changed: SQL = sql`1`) {
  return ctx.db.run(sql`
    INSERT INTO webhook_deliveries ${deliveryColumns}
    SELECT ${newDeliveryId}, w.id, w.org_id, ${type}, NULL, d.event_id, ${envelope(ctx, type, sql`json_object('event', json(d.data))`)}, ${initialStatus}, ${ctx.now().getTime()}
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
    SELECT ${newDeliveryId}, w.id, w.org_id, 'registration.erased', r.id, r.event_id, ${envelope(ctx, "registration.erased", data)}, ${initialStatus}, ${ctx.now().getTime()}
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
// Blanked where they are (null), so a payload keeps its shape; json_set adds no path that was not there.
const scrubbed = sql.raw(`json_replace(payload, ${personalPaths.map((p) => `'${p}', NULL`).join(", ")})`);

/** Deliveries about one registration, sent or not, keep its ids and states, not the person. */
export const scrubRegistrationDeliveries = (ctx: ServiceContext, which: string | SQL) =>
  ctx.db.run(sql`UPDATE webhook_deliveries SET payload = ${scrubbed}
                 WHERE ${typeof which === "string" ? sql`registration_id = ${which}` : sql`registration_id IN ${which}`}`);

/** Deliveries about the invitations a person's erasure deletes (`invitation.declined`). */
export const scrubInvitationDeliveries = (ctx: ServiceContext, invitationIds: SQL) =>
  ctx.db.run(sql`UPDATE webhook_deliveries SET payload = ${scrubbed}
                 WHERE type = 'invitation.declined' AND json_extract(payload, '$.data.invitation.id') IN ${invitationIds}`);

/** The same for every delivery about an event (retention of a past event's personal data). */
export const scrubEventDeliveries = (ctx: ServiceContext, eventId: string) =>
  ctx.db.run(sql`UPDATE webhook_deliveries SET payload = ${scrubbed}
                 WHERE event_id = ${eventId}`);

/** How long the delivery log keeps what was delivered or failed. */
export const DELIVERY_LOG_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** For the hourly retention run: the log's finished entries older than a month go. */
export const pruneDeliveryLog = (ctx: ServiceContext) =>
  ctx.db.run(sql`DELETE FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < ${ctx.now().getTime() - DELIVERY_LOG_KEPT_MS}`);
