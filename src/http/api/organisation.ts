import { Hono } from "hono";
import { getOrganisation, organisationChanges, updateOrganisation } from "../../domain/organisations";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { validate } from "../validate";
import { operation } from "./openapi/describe";
import { examples, organisation } from "./openapi/access";

/** The caller's own organisation: its settings (consent, privacy notice, embedding). */
export const organisationRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .get(
    "/",
    operation({
      operationId: "getOrganisation",
      tag: "Organisation",
      summary: "The token's organisation",
      description: "The organisation the token belongs to, with its settings: consent, privacy notice, the sites that may embed its forms, branding.",
      auth: "organiser",
      success: { status: 200, description: "The organisation.", schema: organisation, example: examples.organisation },
      errors: [],
    }),
    async (c) => c.json(await getOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.org.id } })),
  )
  .patch(
    "/",
    operation({
      operationId: "updateOrganisation",
      tag: "Organisation",
      summary: "Change the organisation's settings",
      description: "Changes the settings given and leaves the rest.",
      auth: "organiser",
      success: { status: 200, description: "The organisation as it is now.", schema: organisation, example: examples.organisation },
      errors: ["invalid_request", "payload_too_large"],
    }),
    validate("json", organisationChanges),
    async (c) =>
      c.json(await updateOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.org.id, changes: c.req.valid("json") }, actor: apiActor(c) })),
  );
