import { Hono } from "hono";
import { getOrganisation, organisationChanges, updateOrganisation } from "../../domain/organisations";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { validate } from "../validate";

/** The caller's own organisation: its settings (consent, privacy notice, embedding). */
export const organisationRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .get("/", async (c) => c.json(await getOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.org.id } })))
  .patch("/", validate("json", organisationChanges), async (c) =>
    c.json(await updateOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.org.id, changes: c.req.valid("json") }, actor: apiActor(c) })),
  );
