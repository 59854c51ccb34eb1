import { Hono } from "hono";
import { cancelRegistration } from "../../services/cancelRegistration";
import { getManagedRegistration, managedView, resolveManageToken } from "../../services/manageLink";
import type { AppEnv } from "../env";

export const manageRoutes = new Hono<AppEnv>()
  .get("/:token", async (c) =>
    c.json(await getManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post("/:token/cancel", async (c) => {
    const ctx = c.var.ctx;
    const token = c.req.param("token");
    const cancelled = await cancelRegistration({ ctx, input: { id: await resolveManageToken(ctx, token) } });
    return c.json(await managedView(ctx, cancelled, token));
  });
