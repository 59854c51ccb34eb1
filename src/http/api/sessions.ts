import { Hono } from "hono";
import { z } from "zod";
import { cancelSession, sessionRegistrations, updateSession, updateSessionInput } from "../../domain/programme";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { validate } from "../validate";

/** `/api/v1/sessions/:id`: one session of a programme, for its organisers. */
export const sessionRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .patch("/:id", validate("json", updateSessionInput), async (c) =>
    c.json(await updateSession({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id, patch: c.req.valid("json") }, actor: apiActor(c) })),
  )
  .post("/:id/cancel", async (c) =>
    c.json(await cancelSession({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
  )
  .get("/:id/registrations", validate("query", z.strictObject({})), async (c) =>
    c.json(await sessionRegistrations({ ctx: c.var.ctx, input: { sessionId: c.req.param("id"), orgId: c.var.org.id } })),
  );
