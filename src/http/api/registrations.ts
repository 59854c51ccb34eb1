import { Hono } from "hono";
import { z } from "zod";
import { checkIn } from "../../domain/checkin";
import { markSessionArrival } from "../../domain/programme";
import { decideApplication } from "../../domain/access";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { validate } from "../validate";
import { operation } from "./openapi/describe";
import { approval, declination, examples as accessExamples } from "./openapi/access";
import { arrival as arrivalSchema, examples } from "./openapi/registrations";

// `?session=<id>`: the arrival is at that session of the programme (and so at the event).
const checkInQuery = z.strictObject({ session: z.string().min(1).max(64).optional() });

const arrivalOperation = (undo: boolean) =>
  operation({
    operationId: undo ? "undoCheckIn" : "checkIn",
    tag: "Registrations",
    summary: undo ? "Undo a check-in" : "Check someone in",
    description: undo
      ? "Takes back a check-in made by mistake, at the event or (with `?session=`) at one session."
      : "Notes that the person has arrived, at the event or (with `?session=`) at one session of its programme, which checks them in to the event too. Only someone with a seat can be checked in; checking in twice changes nothing.",
    auth: "organiser",
    params: { id: "The registration's id." },
    success: { status: 200, description: "The registration as it is now.", schema: arrivalSchema, example: undo ? examples.registration : examples.arrival },
    errors: ["invalid_request", "not_found", "not_confirmed", "event_cancelled", "conflict"],
  });

const arrival = (undo: boolean) =>
  new Hono<AppEnv>().on(undo ? "DELETE" : "POST", "/", arrivalOperation(undo), validate("query", checkInQuery), async (c) => {
    const input = { id: c.req.param("id")!, orgId: c.var.org.id, undo };
    const { session } = c.req.valid("query");
    if (!session) return c.json(await checkIn({ ctx: c.var.ctx, input, actor: apiActor(c) }));
    const arrived = await markSessionArrival({ ctx: c.var.ctx, input: { ...input, sessionId: session }, actor: apiActor(c) });
    return c.json({ ...arrived.registration, session: arrived.session });
  });

export const registrationRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .route("/:id/check-in", arrival(false))
  .route("/:id/check-in", arrival(true))
  // An application to an event by approval: decided by the organiser.
  .post(
    "/:id/approve",
    operation({
      operationId: "approveApplication",
      tag: "Registrations",
      summary: "Approve an application",
      description: "Lets a pending applicant in: a seat while one is free and nobody waits, else a place on the waitlist. The person is told by email.",
      auth: "organiser",
      params: { id: "The registration's id." },
      success: { status: 200, description: "Where the application landed.", schema: approval, example: accessExamples.approval },
      errors: ["not_found", "conflict", "event_cancelled"],
    }),
    async (c) => {
      const { status, position } = await decideApplication({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id, verdict: "approve" }, actor: apiActor(c) });
      return c.json({ status, position });
    },
  )
  .post(
    "/:id/decline",
    operation({
      operationId: "declineApplication",
      tag: "Registrations",
      summary: "Decline an application",
      description: "Turns a pending application down; the person is told by email.",
      auth: "organiser",
      params: { id: "The registration's id." },
      success: { status: 200, description: "The application, declined.", schema: declination, example: accessExamples.declination },
      errors: ["not_found", "conflict", "event_cancelled"],
    }),
    async (c) => {
      const { status } = await decideApplication({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id, verdict: "decline" }, actor: apiActor(c) });
      return c.json({ status });
    },
  );
