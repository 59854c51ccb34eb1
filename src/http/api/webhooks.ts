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

/** `/api/v1/webhooks`: the organisation's endpoints, their secrets and delivery logs. An API token acts for the organisation's owners. */
export const webhookRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .post("/", validate("json", webhookInput), async (c) => {
    const input = { orgId: c.var.org.id, webhook: c.req.valid("json") };
    c.header("Cache-Control", "no-store");
    return c.json(await createWebhook({ ctx: c.var.ctx, input, actor: apiActor(c) }), 201);
  })
  .get("/", async (c) => c.json({ webhooks: await listWebhooks(c.var.ctx, { orgId: c.var.org.id }) }))
  .get("/:id", async (c) => c.json(await getWebhook({ ctx: c.var.ctx, input: { orgId: c.var.org.id, id: c.req.param("id") } })))
  .patch("/:id", validate("json", webhookPatch), async (c) => {
    const input = { orgId: c.var.org.id, id: c.req.param("id"), patch: c.req.valid("json") };
    return c.json(await updateWebhook({ ctx: c.var.ctx, input, actor: apiActor(c) }));
  })
  .delete("/:id", async (c) => {
    await deleteWebhook({ ctx: c.var.ctx, input: { orgId: c.var.org.id, id: c.req.param("id") }, actor: apiActor(c) });
    return c.body(null, 204);
  })
  .post("/:id/rotate-secret", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await rotateWebhookSecret({ ctx: c.var.ctx, input: { orgId: c.var.org.id, id: c.req.param("id") }, actor: apiActor(c) }));
  })
  .get("/:id/deliveries", validate("query", deliveriesQuery), async (c) => {
    const input = { orgId: c.var.org.id, id: c.req.param("id"), query: c.req.valid("query") };
    return c.json(await listDeliveries({ ctx: c.var.ctx, input }));
  })
  .post("/:id/deliveries/:delivery/redeliver", async (c) => {
    const input = { orgId: c.var.org.id, id: c.req.param("id"), deliveryId: c.req.param("delivery") };
    return c.json(await redeliver({ ctx: c.var.ctx, input, actor: apiActor(c) }));
  });
