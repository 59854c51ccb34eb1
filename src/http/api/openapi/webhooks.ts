import { z } from "zod";
import { webhookTypes } from "../../../domain/webhooks";
import { named } from "./registry";

// Response schemas of webhook endpoints and their delivery log (src/domain/webhooks), held
// to what the routes return by test/architecture/responseTypes.ts. What a delivery's body
// carries is in docs/webhooks.md.

const instant = z.string().describe("An instant in UTC, ISO 8601.");

const endpointFields = {
  id: z.string(),
  url: z.string().describe("Where the messages are POSTed: https, to a public address."),
  events: z.array(z.enum(webhookTypes)).describe("The types this endpoint takes."),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabledReason: z.enum(["owner", "failing"]).nullable().describe("owner: paused; failing: nothing got through for three days."),
  disabledAt: instant.nullable(),
  previousSecretExpiresAt: instant.nullable().describe("Until when the secret before the last rotation still signs, beside the new one."),
  createdAt: instant,
  updatedAt: instant,
};

export const webhook = named("Webhook", z.object(endpointFields), "A webhook endpoint (never with its secret).");
export const webhookWithSecret = named(
  "WebhookWithSecret",
  z.object({ ...endpointFields, secret: z.string().describe("whsec_…: verifies the messages' signatures. Shown in this answer only.") }),
  "A webhook endpoint just made or with a rotated secret, with the secret shown this once.",
);
export const webhookList = named("WebhookList", z.object({ webhooks: z.array(webhook) }));

export const delivery = named(
  "WebhookDelivery",
  z.object({
    id: z.string().describe("The message's webhook-id, the same on every attempt."),
    type: z.string(),
    status: z.enum(["pending", "held", "delivered", "failed"]).describe("held: waiting for its paused or disabled endpoint to be enabled again."),
    attempts: z.number().int(),
    createdAt: instant,
    lastAttemptAt: instant.nullable(),
    responseStatus: z.number().int().nullable().describe("The last attempt's HTTP status (null: no answer)."),
    durationMs: z.number().int().nullable(),
    error: z.string().nullable().describe("Why the last attempt failed: timeout, network: …, http_500, refused_address: …"),
    response: z.string().nullable().describe("The first 4 KiB of the last answer's body."),
    nextAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
  }),
  "One message to an endpoint and how its attempts went.",
);
export const deliveryPage = named(
  "WebhookDeliveryPage",
  z.object({ deliveries: z.array(delivery), next: z.string().nullable().describe("Pass as `before` for the next page; null on the last.") }),
);

const at = "2027-02-01T09:30:00.000Z";
const endpointExample = {
  id: "wh_4k2m8q0r7t1v3x5z9b6d",
  url: "https://crm.techtank.se/hooks/plats",
  events: ["registration.confirmed", "registration.cancelled"] as (typeof webhookTypes)[number][],
  description: "CRM: medlemmarnas anmälningar",
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  previousSecretExpiresAt: null,
  createdAt: at,
  updatedAt: at,
};
const deliveryExample = {
  id: "msg_7d1e0c9b3a2f4e5d8c6b1a0f9e8d7c6b",
  type: "registration.confirmed",
  status: "delivered" as const,
  attempts: 1,
  createdAt: at,
  lastAttemptAt: at,
  responseStatus: 204,
  durationMs: 87,
  error: null,
  response: null,
  nextAttemptAt: null,
  deliveredAt: at,
};

export const examples = {
  webhook: endpointExample,
  webhookWithSecret: { ...endpointExample, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw5X5vQOaBs0k=" },
  webhookList: { webhooks: [endpointExample] },
  delivery: deliveryExample,
  deliveryPage: { deliveries: [deliveryExample], next: null },
};

// What the messages themselves carry (docs/webhooks.md), for the document's `webhooks`:
// the JSON the views of migrations/0022_webhooks.sql build.
const messageRegistration = z.object({
  id: z.string(),
  eventId: z.string(),
  status: z.string().describe("The status right after the change; `erased` in registration.erased."),
  position: z.number().int().nullable().optional().describe("The place on the waitlist at that moment (waitlisted only)."),
  name: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  email: z.string().nullable().optional().describe("Null once the person's data was erased or removed by retention."),
  organisation: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  language: z.enum(["sv", "en", "nb"]).optional(),
  answers: z.record(z.string(), z.unknown()).nullable().optional(),
  createdAt: instant.optional(),
  confirmedAt: instant.nullable().optional(),
  cancelledAt: instant.nullable().optional(),
  checkedInAt: instant.nullable().optional(),
  substitutedAt: instant.nullable().optional(),
  invitationId: z.string().nullable().optional(),
  sessions: z.array(z.object({ id: z.string(), status: z.enum(["confirmed", "waitlisted", "pending"]) })).optional(),
});
const messageEvent = z.object({
  id: z.string(),
  slug: z.string().optional(),
  title: z.string().optional(),
  status: z.string().optional(),
  startsAt: instant.optional(),
  endsAt: instant.optional(),
  timezone: z.string().optional(),
  venue: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  language: z.enum(["sv", "en", "nb"]).optional(),
  capacity: z.number().int().optional(),
  waitlist: z.boolean().optional(),
  access: z.enum(["public", "invitation", "approval"]).optional(),
  programme: z.enum(["none", "choose", "package"]).optional(),
  confirmed: z.number().int().optional(),
  waitlisted: z.number().int().optional(),
  cancelledAt: instant.nullable().optional(),
  updatedAt: instant.optional(),
});
const envelope = { type: z.string(), timestamp: instant.describe("When the change was written.") };

export const registrationMessage = named(
  "RegistrationMessage",
  z.object({ ...envelope, data: z.object({ registration: messageRegistration, event: messageEvent }) }),
  "A webhook message about a registration, with its state and its event's right after the change.",
);
export const eventMessage = named("EventMessage", z.object({ ...envelope, data: z.object({ event: messageEvent }) }), "A webhook message about an event.");
export const invitationMessage = named(
  "InvitationMessage",
  z.object({
    ...envelope,
    data: z.object({
      invitation: z.object({
        id: z.string(),
        eventId: z.string(),
        email: z.string().nullable(),
        firstName: z.string().nullable(),
        lastName: z.string().nullable(),
        organisation: z.string().nullable(),
        seats: z.number().int(),
        status: z.string(),
        declinedAt: instant.nullable(),
      }),
      event: messageEvent,
    }),
  }),
  "A webhook message about an invitation.",
);
