import { Hono } from "hono";
import {
  acceptManagedOffer,
  cancelManagedRegistration,
  declineManagedOffer,
  getManagedRegistration,
  substituteManagedRegistration,
} from "../../domain/signup";
import { changeManagedChoices, choiceChangeInput, substituteInput } from "../../domain/signup";
import { validate } from "../validate";
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
  )
  .post("/:token/substitute", validate("json", substituteInput), async (c) =>
    c.json(await substituteManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token"), person: c.req.valid("json") } })),
  )
  .post("/:token/sessions", validate("json", choiceChangeInput), async (c) =>
    c.json(await changeManagedChoices({ ctx: c.var.ctx, input: { token: c.req.param("token"), change: c.req.valid("json") } })),
  );
