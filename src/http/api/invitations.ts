import { Hono } from "hono";
import { resendInvitation, revokeInvitation } from "../../domain/access";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { operation } from "./openapi/describe";
import { examples, invitation } from "./openapi/access";

const params = { id: "The invitation's id." };

/** `/api/v1/invitations/:id`: one invitation, for its organisers. */
export const invitationRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .post(
    "/:id/revoke",
    operation({
      operationId: "revokeInvitation",
      tag: "Invitations",
      summary: "Revoke an invitation",
      description: "Withdraws the link: nobody can sign up through it any more. Registrations already made through it stay.",
      auth: "organiser",
      params,
      success: { status: 200, description: "The invitation, revoked.", schema: invitation, example: examples.revokedInvitation },
      errors: ["not_found", "conflict"],
    }),
    async (c) => c.json(await revokeInvitation({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
  )
  .post(
    "/:id/resend",
    operation({
      operationId: "resendInvitation",
      tag: "Invitations",
      summary: "Send an invitation again",
      description: "Emails the same personal link once more, e.g. when the first message went to a spam folder.",
      auth: "organiser",
      params,
      success: { status: 200, description: "The invitation.", schema: invitation, example: examples.invitation },
      errors: ["not_found", "conflict"],
    }),
    async (c) => c.json(await resendInvitation({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
  );
