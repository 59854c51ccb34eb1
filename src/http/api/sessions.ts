import { Hono } from "hono";
import { z } from "zod";
import { cancelSession, sessionRegistrations, updateSession, updateSessionInput } from "../../domain/programme";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { validate } from "../validate";
import { operation } from "./openapi/describe";
import { cancelledSession, examples, session } from "./openapi/events";
import { examples as registrationExamples, sessionList } from "./openapi/registrations";

const params = { id: "The session's id." };

/** `/api/v1/sessions/:id`: one session of a programme, for its organisers. */
export const sessionRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .patch(
    "/:id",
    operation({
      operationId: "updateSession",
      tag: "Sessions",
      summary: "Change a session",
      description: "Changes the fields given. A larger capacity gives freed seats to the session's waitlist at once, in arrival order.",
      auth: "organiser",
      params,
      success: { status: 200, description: "The session as it is now.", schema: session, example: examples.session },
      errors: ["invalid_request", "not_found", "conflict", "payload_too_large"],
    }),
    validate("json", updateSessionInput),
    async (c) =>
      c.json(await updateSession({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id, patch: c.req.valid("json") }, actor: apiActor(c) })),
  )
  .post(
    "/:id/cancel",
    operation({
      operationId: "cancelSession",
      tag: "Sessions",
      summary: "Cancel a session",
      description: "Cancels one session of the programme and tells the people who had a place in it (or waited for one). The event's own registrations stay.",
      auth: "organiser",
      params,
      success: { status: 200, description: "The session, cancelled, with how many people were told.", schema: cancelledSession, example: examples.cancelledSession },
      errors: ["not_found", "conflict"],
    }),
    async (c) => c.json(await cancelSession({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
  )
  .get(
    "/:id/registrations",
    operation({
      operationId: "listSessionRegistrations",
      tag: "Sessions",
      summary: "A session's list",
      description: "Who has a place in the session, who waits for one (in order) and who arrived: the list for its door.",
      auth: "organiser",
      params,
      success: { status: 200, description: "The session and its people.", schema: sessionList, example: registrationExamples.sessionList },
      errors: ["invalid_request", "not_found"],
    }),
    validate("query", z.strictObject({})),
    async (c) => c.json(await sessionRegistrations({ ctx: c.var.ctx, input: { sessionId: c.req.param("id"), orgId: c.var.org.id } })),
  );
