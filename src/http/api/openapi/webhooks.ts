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
