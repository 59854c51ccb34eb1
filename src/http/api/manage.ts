import { Hono } from "hono";
import {
  acceptManagedOffer,
  cancelManagedRegistration,
  declineManagedOffer,
  getManagedRegistration,
  substituteManagedRegistration,
} from "../../domain/signup";
import { changeManagedChoices, choiceChangeInput, substituteInput } from "../../domain/signup";
import type { ErrorCode } from "../../lib/errorCodes";
import { validate } from "../validate";
import type { AppEnv } from "../env";
import { operation } from "./openapi/describe";
import { examples, managedRegistration } from "./openapi/registrations";

// Every manage operation answers with the registration as the link shows it.
const managed = (op: { operationId: string; summary: string; description: string; errors: ErrorCode[]; success: string }) =>
  operation({
    ...op,
    tag: "Manage links",
    auth: "none",
    params: { token: "The secret at the end of the manage link (`…/r/<token>`) in the person's email." },
    success: { status: 200, description: op.success, schema: managedRegistration, example: examples.managed },
    errors: ["not_found", ...op.errors],
  });

export const manageRoutes = new Hono<AppEnv>()
  .get(
    "/:token",
    managed({
      operationId: "getManagedRegistration",
      summary: "A registration by its manage link",
      description: "What the person's own link shows: their registration, the event, calendar links, their sessions and the code for the door.",
      success: "The registration.",
      errors: [],
    }),
    async (c) => c.json(await getManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post(
    "/:token/cancel",
    managed({
      operationId: "cancelManagedRegistration",
      summary: "Cancel one's registration",
      description: "Gives the place up. A freed seat goes to the first on the waitlist at once.",
      success: "The registration, cancelled.",
      errors: ["registration_closed", "event_cancelled", "conflict"],
    }),
    async (c) => c.json(await cancelManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post(
    "/:token/accept",
    managed({
      operationId: "acceptOffer",
      summary: "Take an offered seat",
      description: "Takes the seat offered to a waitlisted person (events whose waitlist works by offers), before the offer runs out.",
      success: "The registration, confirmed.",
      errors: ["offer_expired", "registration_closed", "event_cancelled", "conflict"],
    }),
    async (c) => c.json(await acceptManagedOffer({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post(
    "/:token/decline",
    managed({
      operationId: "declineOffer",
      summary: "Turn an offered seat down",
      description: "Lets the offered seat go to the next on the waitlist.",
      success: "The registration after declining.",
      errors: ["offer_expired", "event_cancelled", "conflict"],
    }),
    async (c) => c.json(await declineManagedOffer({ ctx: c.var.ctx, input: { token: c.req.param("token") } })),
  )
  .post(
    "/:token/substitute",
    managed({
      operationId: "sendSubstitute",
      summary: "Send someone in one's place",
      description: "Hands one's seat over to a colleague, who gets their own confirmation and manage link; this link stops working.",
      success: "The registration, now in the colleague's name.",
      errors: ["invalid_request", "not_confirmed", "already_registered", "registration_closed", "event_cancelled", "conflict", "payload_too_large"],
    }),
    validate("json", substituteInput),
    async (c) =>
      c.json(await substituteManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token"), person: c.req.valid("json") } })),
  )
  .post(
    "/:token/sessions",
    managed({
      operationId: "changeSessionChoices",
      summary: "Change one's sessions",
      description: "Adds and drops sessions of the programme (events where attendees choose). Each added session gives a seat or a waitlist place, decided as at signup.",
      success: "The registration with its sessions.",
      errors: ["invalid_request", "session_full", "registration_closed", "event_cancelled", "conflict", "payload_too_large"],
    }),
    validate("json", choiceChangeInput),
    async (c) =>
      c.json(await changeManagedChoices({ ctx: c.var.ctx, input: { token: c.req.param("token"), change: c.req.valid("json") } })),
  );
