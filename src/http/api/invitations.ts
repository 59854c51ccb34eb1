import { Hono } from "hono";
import { resendInvitation, revokeInvitation } from "../../domain/access";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";

/** `/api/v1/invitations/:id`: one invitation, for its organisers. */
export const invitationRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .post("/:id/revoke", async (c) =>
    c.json(await revokeInvitation({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
  )
  .post("/:id/resend", async (c) =>
    c.json(await resendInvitation({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
  );
