import { Hono } from "hono";
import { attendanceCsvQuery, attendanceQuery } from "../../domain/attendees";
import { sheetName } from "../../lib/spreadsheet";
import { cancelEvent } from "../../domain/events";
import { createEvent, createEventInput } from "../../domain/events";
import { exportAttendees } from "../../domain/attendees";
import { getEvent } from "../../domain/events";
import { listEvents } from "../../domain/events";
import { listRegistrations, listRegistrationsQuery } from "../../domain/attendees";
import { register } from "../../domain/signup";
import { registrationInput } from "../../domain/schemas";
import { updateEvent, updateEventInput } from "../../domain/events";
import { sendSheet } from "../download";
import type { AppEnv } from "../env";
import { apiActor, mailQueuedDespiteRefusal, optionalOrganiser, requireOrganiser } from "../middleware";
import { chargeSignup, type SignupLimits } from "../signupLimits";
import { validate } from "../validate";
import { withEmbed } from "./embed";
import { operation } from "./openapi/describe";
import { examples, eventDetail, eventList, organiserEvent, session } from "./openapi/events";
import { examples as registrationExamples, registrationPage, signupResult } from "./openapi/registrations";
import { examples as accessExamples, invitationList } from "./openapi/access";
import { createSession, createSessionInput, withSessions } from "../../domain/programme";
import { invitationsInput, invite, listInvitations } from "../../domain/access";

export function eventRoutes(signupLimits: SignupLimits) {
  return new Hono<AppEnv>()
    .post(
      "/",
      operation({
        operationId: "createEvent",
        tag: "Events",
        summary: "Create an event",
        description: "Creates an event of the token's organisation. It starts as a draft unless `status` says published; the answer includes its public URL and the snippet to embed its signup form.",
        auth: "organiser",
        success: { status: 201, description: "The event, created.", schema: eventDetail, example: examples.event },
        errors: ["invalid_request", "slug_taken", "payload_too_large"],
      }),
      requireOrganiser,
      validate("json", createEventInput), async (c) => {
      const event = await createEvent({ ctx: c.var.ctx, input: { ...c.req.valid("json"), orgId: c.var.org.id }, actor: apiActor(c) });
      return c.json(withEmbed(await withSessions(c.var.ctx, event)), 201);
    })
    .get(
      "/",
      operation({
        operationId: "listEvents",
        tag: "Events",
        summary: "List the organisation's events",
        description: "Every event of the token's organisation, drafts and cancelled ones included, by start time.",
        auth: "organiser",
        success: { status: 200, description: "The events.", schema: eventList, example: examples.eventList },
        errors: [],
      }),
      requireOrganiser,
      async (c) =>
      c.json({ events: (await listEvents({ ctx: c.var.ctx, input: { orgId: c.var.org.id } })).map(withEmbed) }),
    )
    .get(
      "/:id",
      operation({
        operationId: "getEvent",
        tag: "Events",
        summary: "Get an event",
        description: "A published event as anyone may see it, with its sessions. With a token of its own organisation, drafts too and the organiser's fields (the join link, when it was created and changed).",
        auth: "optional",
        params: { id: "The event's id." },
        success: { status: 200, description: "The event.", schema: eventDetail, example: examples.publicEvent },
        errors: ["not_found"],
      }),
      optionalOrganiser,
      async (c) => {
      const event = await getEvent({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.get("org")?.id } });
      return c.json(withEmbed(await withSessions(c.var.ctx, event)));
    })
    .patch(
      "/:id",
      operation({
        operationId: "updateEvent",
        tag: "Events",
        summary: "Change an event",
        description: "Changes the fields given and leaves the rest. A larger capacity promotes waitlisted people at once, in arrival order; how sessions are booked cannot change once people have registered.",
        auth: "organiser",
        params: { id: "The event's id." },
        success: { status: 200, description: "The event as it is now.", schema: eventDetail, example: examples.event },
        errors: ["invalid_request", "not_found", "slug_taken", "event_cancelled", "conflict", "payload_too_large"],
      }),
      requireOrganiser,
      validate("json", updateEventInput), async (c) => {
      const input = { id: c.req.param("id"), orgId: c.var.org.id, patch: c.req.valid("json") };
      return c.json(withEmbed(await withSessions(c.var.ctx, await updateEvent({ ctx: c.var.ctx, input, actor: apiActor(c) }))));
    })
    .post(
      "/:id/invitations",
      operation({
        operationId: "inviteToEvent",
        tag: "Invitations",
        summary: "Invite people to an event",
        description: "Makes a personal invitation link for each person given and emails it. Only someone with a link may sign up to an event by invitation; a link can hold several seats (a colleague or two).",
        auth: "organiser",
        params: { id: "The event's id." },
        success: { status: 201, description: "The invitations made.", schema: invitationList, example: accessExamples.invitationList },
        errors: ["invalid_request", "not_found", "event_cancelled", "conflict", "payload_too_large"],
      }),
      requireOrganiser,
      validate("json", invitationsInput), async (c) => {
      const input = { ...c.req.valid("json"), eventId: c.req.param("id"), orgId: c.var.org.id };
      return c.json({ invitations: await invite({ ctx: c.var.ctx, input, actor: apiActor(c) }) }, 201);
    })
    .get(
      "/:id/invitations",
      operation({
        operationId: "listInvitations",
        tag: "Invitations",
        summary: "List an event's invitations",
        description: "Every invitation to the event with how far it got: sent, visited, registered, declined or revoked.",
        auth: "organiser",
        params: { id: "The event's id." },
        success: { status: 200, description: "The invitations.", schema: invitationList, example: accessExamples.invitationList },
        errors: ["not_found"],
      }),
      requireOrganiser,
      async (c) =>
      c.json({ invitations: await listInvitations({ ctx: c.var.ctx, input: { eventId: c.req.param("id"), orgId: c.var.org.id } }) }),
    )
    .post(
      "/:id/sessions",
      operation({
        operationId: "createSession",
        tag: "Sessions",
        summary: "Add a session to an event's programme",
        description: "Adds a session (a talk, a workshop, a study visit) to an event whose programme is `choose` or `package`. It must lie within the event.",
        auth: "organiser",
        params: { id: "The event's id." },
        success: { status: 201, description: "The session, created.", schema: session, example: examples.session },
        errors: ["invalid_request", "not_found", "event_cancelled", "conflict", "payload_too_large"],
      }),
      requireOrganiser,
      validate("json", createSessionInput), async (c) => {
      const input = { ...c.req.valid("json"), eventId: c.req.param("id"), orgId: c.var.org.id };
      return c.json(await createSession({ ctx: c.var.ctx, input, actor: apiActor(c) }), 201);
    })
    .post(
      "/:id/cancel",
      operation({
        operationId: "cancelEvent",
        tag: "Events",
        summary: "Cancel an event",
        description: "Cancels the event: signup closes and everyone registered is told by email, with a cancellation for their calendar. It cannot be undone.",
        auth: "organiser",
        params: { id: "The event's id." },
        success: { status: 200, description: "The event, cancelled.", schema: organiserEvent, example: examples.cancelledEvent },
        errors: ["not_found", "event_cancelled", "conflict"],
      }),
      requireOrganiser,
      async (c) =>
      c.json(await cancelEvent({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
    )
    .post(
      "/:id/registrations",
      operation({
        operationId: "signUp",
        tag: "Registrations",
        summary: "Sign someone up",
        description: "Registers one person for a published event, as the signup form does: a seat while one is free, else a place on the waitlist (when the event has one), or an application where the organiser approves. The same email address cannot hold two live registrations; a repeat is refused and the manage link sent again. No token: this is what an own signup form calls.",
        auth: "none",
        params: { id: "The event's id." },
        success: { status: 201, description: "Registered: a seat, a waitlist place or a pending application, and the person's manage link.", schema: signupResult, example: registrationExamples.signup },
        errors: [
          "invalid_request", "invitation_required", "invitation_revoked", "not_found", "already_registered", "event_full", "session_full",
          "invitation_used", "company_quota", "registration_closed", "event_cancelled", "payload_too_large", "rate_limited",
        ],
      }),
      validate("json", registrationInput),
      async (c) => {
      const input = { ...c.req.valid("json"), eventId: c.req.param("id") };
      await chargeSignup(c, signupLimits, [input]);
      try {
        return c.json(await register({ ctx: c.var.ctx, input }), 201);
      } catch (err) {
        mailQueuedDespiteRefusal(c, err);
        throw err;
      }
    })
    .get(
      "/:id/registrations",
      operation({
        operationId: "listRegistrations",
        tag: "Registrations",
        summary: "The attendance list, a page at a time",
        description: "The event's registrations in arrival order, optionally of one status. Waitlisted people carry their place in the queue. Follow `next` (as `cursor`) for the next page.",
        auth: "organiser",
        params: { id: "The event's id." },
        success: { status: 200, description: "One page of registrations.", schema: registrationPage, example: registrationExamples.page },
        errors: ["invalid_request", "not_found"],
      }),
      requireOrganiser,
      validate("query", listRegistrationsQuery),
      async (c) => {
      const input = { ...c.req.valid("query"), eventId: c.req.param("id"), orgId: c.var.org.id };
      return c.json(await listRegistrations({ ctx: c.var.ctx, input }));
    })
    .get(
      "/:id/registrations.csv",
      operation({
        operationId: "exportRegistrationsCsv",
        tag: "Registrations",
        summary: "The attendance list as CSV",
        description: "The whole attendance list as a CSV file (UTF-8), with the answers to the event's questions as columns. `sep=semicolon` for spreadsheet programs set to Swedish.",
        auth: "organiser",
        params: { id: "The event's id." },
        success: { status: 200, description: "A CSV file.", content: { "text/csv": { schema: { type: "string" } } } },
        errors: ["invalid_request", "not_found"],
      }),
      requireOrganiser,
      validate("query", attendanceCsvQuery),
      async (c) => {
      const { status } = c.req.valid("query");
      const input = { eventId: c.req.param("id"), format: "csv" as const, status, language: "en" as const, via: "api" as const };
      const { sheet, basename } = await exportAttendees({ ctx: c.var.ctx, input, actor: apiActor(c) });
      return sendSheet(c, sheet, { format: "csv", basename });
    })
    .get(
      "/:id/registrations.xlsx",
      operation({
        operationId: "exportRegistrationsXlsx",
        tag: "Registrations",
        summary: "The attendance list as an Excel workbook",
        description: "The whole attendance list as an XLSX workbook, one sheet named after the event.",
        auth: "organiser",
        params: { id: "The event's id." },
        success: {
          status: 200,
          description: "An XLSX file.",
          content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", contentMediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } } },
        },
        errors: ["invalid_request", "not_found"],
      }),
      requireOrganiser,
      validate("query", attendanceQuery.strict()),
      async (c) => {
      const input = { eventId: c.req.param("id"), format: "xlsx" as const, status: c.req.valid("query").status, language: "en" as const, via: "api" as const };
      const { sheet, basename, event } = await exportAttendees({ ctx: c.var.ctx, input, actor: apiActor(c) });
      return sendSheet(c, sheet, { format: "xlsx", basename, sheet: sheetName(event.title) || "Attendees" });
    });
}
