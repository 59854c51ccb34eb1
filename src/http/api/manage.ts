import { Hono } from "hono";
import { acceptManagedOffer, cancelManagedRegistration, declineManagedOffer, getManagedRegistration } from "../../domain/signup";
import type { AppEnv } from "../env";

export const manageRoutes = new Hono<AppEnv>()
  .get("/:token", async (c) =>
    c.json(await getManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post("/:token/cancel", async (c) =>
    c.json(await cancelManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post("/:token/accept", async (c) =>
    c.json(await acceptManagedOffer({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post("/:token/decline", async (c) =>
    c.json(await declineManagedOffer({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  );
