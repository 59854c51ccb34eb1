import { Hono } from "hono";
import { checkIn } from "../../domain/checkin";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";

export const registrationRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .post("/:id/check-in", async (c) =>
    c.json(await checkIn({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
  )
  .delete("/:id/check-in", async (c) =>
    c.json(await checkIn({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id, undo: true }, actor: apiActor(c) })),
  );
