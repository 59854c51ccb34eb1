import { Hono } from "hono";
import {
  createWebhook,
  deleteWebhook,
  deliveriesQuery,
  getWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  rotateWebhookSecret,
  updateWebhook,
  webhookInput,
  webhookPatch,
} from "../../domain/webhooks";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { validate } from "../validate";
import { operation } from "./openapi/describe";
import { delivery, deliveryPage, examples, webhook, webhookList, webhookWithSecret } from "./openapi/webhooks";

const params = { id: "The endpoint's id." };
const common = { tag: "Webhooks", auth: "organiser" } as const;

/** `/api/v1/webhooks`: the organisation's endpoints, their secrets and delivery logs. An API token acts for the organisation's owners. */
export const webhookRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .post(
    "/",
    operation({
      ...common,
      operationId: "createWebhook",
      summary: "Register an endpoint",
      description:
        "Registers an https endpoint for the types given. Its signing secret (`whsec_…`) is in this answer only. A URL that is not https, or names a loopback, private, link-local or metadata address, is refused with `fields.url`. At most 20 endpoints per organisation.",
      success: { status: 201, description: "The endpoint, with its secret shown this once.", schema: webhookWithSecret, example: examples.webhookWithSecret },
      errors: ["invalid_request", "conflict", "payload_too_large"],
    }),
    validate("json", webhookInput),
    async (c) => {
      const input = { orgId: c.var.org.id, webhook: c.req.valid("json") };
      c.header("Cache-Control", "no-store");
      return c.json(await createWebhook({ ctx: c.var.ctx, input, actor: apiActor(c) }), 201);
    },
  )
  .get(
    "/",
    operation({
      ...common,
      operationId: "listWebhooks",
      summary: "List endpoints",
      description: "The organisation's endpoints, newest first, without their secrets.",
      success: { status: 200, description: "The endpoints.", schema: webhookList, example: examples.webhookList },
      errors: [],
    }),
    async (c) => c.json({ webhooks: await listWebhooks(c.var.ctx, { orgId: c.var.org.id }) }),
  )
  .get(
    "/:id",
    operation({
      ...common,
      operationId: "getWebhook",
      summary: "Read an endpoint",
      description: "One endpoint, without its secret.",
      params,
      success: { status: 200, description: "The endpoint.", schema: webhook, example: examples.webhook },
      errors: ["not_found"],
    }),
    async (c) => c.json(await getWebhook({ ctx: c.var.ctx, input: { orgId: c.var.org.id, id: c.req.param("id") } })),
  )
  .patch(
    "/:id",
    operation({
      ...common,
      operationId: "updateWebhook",
      summary: "Change an endpoint",
      description:
        "Changes the fields given. `enabled: false` pauses the endpoint (its messages wait); `enabled: true` enables it again, also one disabled after three days of failures.",
      params,
      success: { status: 200, description: "The endpoint as it is now.", schema: webhook, example: examples.webhook },
      errors: ["invalid_request", "not_found", "payload_too_large"],
    }),
    validate("json", webhookPatch),
    async (c) => {
      const input = { orgId: c.var.org.id, id: c.req.param("id"), patch: c.req.valid("json") };
      return c.json(await updateWebhook({ ctx: c.var.ctx, input, actor: apiActor(c) }));
    },
  )
  .delete(
    "/:id",
    operation({
      ...common,
      operationId: "deleteWebhook",
      summary: "Remove an endpoint",
      description: "Removes the endpoint and its delivery log; what was not sent is not sent.",
      params,
      success: { status: 204, description: "Removed." },
      errors: ["not_found"],
    }),
    async (c) => {
      await deleteWebhook({ ctx: c.var.ctx, input: { orgId: c.var.org.id, id: c.req.param("id") }, actor: apiActor(c) });
      return c.body(null, 204);
    },
  )
  .post(
    "/:id/rotate-secret",
    operation({
      ...common,
      operationId: "rotateWebhookSecret",
      summary: "Rotate the secret",
      description:
        "A new secret, in this answer only. For 24 hours the previous one signs beside it (two signatures in `webhook-signature`), so a receiver can switch without missing a message.",
      params,
      success: { status: 200, description: "The endpoint with its new secret.", schema: webhookWithSecret, example: examples.webhookWithSecret },
      errors: ["not_found"],
    }),
    async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json(await rotateWebhookSecret({ ctx: c.var.ctx, input: { orgId: c.var.org.id, id: c.req.param("id") }, actor: apiActor(c) }));
    },
  )
  .get(
    "/:id/deliveries",
    operation({
      ...common,
      operationId: "listWebhookDeliveries",
      summary: "The delivery log",
      description: "The endpoint's messages, newest first, 50 a page: each with its status, attempts, last response and next attempt. Kept 30 days once delivered or failed.",
      params,
      success: { status: 200, description: "A page of the log.", schema: deliveryPage, example: examples.deliveryPage },
      errors: ["invalid_request", "not_found"],
    }),
    validate("query", deliveriesQuery),
    async (c) => {
      const input = { orgId: c.var.org.id, id: c.req.param("id"), query: c.req.valid("query") };
      return c.json(await listDeliveries({ ctx: c.var.ctx, input }));
    },
  )
  .post(
    "/:id/deliveries/:delivery/redeliver",
    operation({
      ...common,
      operationId: "redeliverWebhook",
      summary: "Send a message again",
      description: "Sends one message once more, now, with the same id and body, and gives it three new days of retries. One being sent at this moment is refused (404) until its attempt ends.",
      params: { ...params, delivery: "The delivery's id (its webhook-id)." },
      success: { status: 200, description: "The delivery, pending again.", schema: delivery, example: examples.delivery },
      errors: ["not_found"],
    }),
    async (c) => {
      const input = { orgId: c.var.org.id, id: c.req.param("id"), deliveryId: c.req.param("delivery") };
      return c.json(await redeliver({ ctx: c.var.ctx, input, actor: apiActor(c) }));
    },
  );
