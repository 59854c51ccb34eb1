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
import { createSession, createSessionInput, withSessions } from "../../domain/programme";
import { invitationsInput, invite, listInvitations } from "../../domain/access";

export function eventRoutes(signupLimits: SignupLimits) {
  return new Hono<AppEnv>()
    .post("/", requireOrganiser, validate("json", createEventInput), async (c) => {
      const event = await createEvent({ ctx: c.var.ctx, input: { ...c.req.valid("json"), orgId: c.var.org.id }, actor: apiActor(c) });
      return c.json(withEmbed(await withSessions(c.var.ctx, event)), 201);
    })
    .get("/", requireOrganiser, async (c) =>
      c.json({ events: (await listEvents({ ctx: c.var.ctx, input: { orgId: c.var.org.id } })).map(withEmbed) }),
    )
    .get("/:id", optionalOrganiser, async (c) => {
      const event = await getEvent({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.get("org")?.id } });
      return c.json(withEmbed(await withSessions(c.var.ctx, event)));
    })
    .patch("/:id", requireOrganiser, validate("json", updateEventInput), async (c) => {
      const input = { id: c.req.param("id"), orgId: c.var.org.id, patch: c.req.valid("json") };
      return c.json(withEmbed(await withSessions(c.var.ctx, await updateEvent({ ctx: c.var.ctx, input, actor: apiActor(c) }))));
    })
    .post("/:id/invitations", requireOrganiser, validate("json", invitationsInput), async (c) => {
      const input = { ...c.req.valid("json"), eventId: c.req.param("id"), orgId: c.var.org.id };
      return c.json({ invitations: await invite({ ctx: c.var.ctx, input, actor: apiActor(c) }) }, 201);
    })
    .get("/:id/invitations", requireOrganiser, async (c) =>
      c.json({ invitations: await listInvitations({ ctx: c.var.ctx, input: { eventId: c.req.param("id"), orgId: c.var.org.id } }) }),
    )
    .post("/:id/sessions", requireOrganiser, validate("json", createSessionInput), async (c) => {
      const input = { ...c.req.valid("json"), eventId: c.req.param("id"), orgId: c.var.org.id };
      return c.json(await createSession({ ctx: c.var.ctx, input, actor: apiActor(c) }), 201);
    })
    .post("/:id/cancel", requireOrganiser, async (c) =>
      c.json(await cancelEvent({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id }, actor: apiActor(c) })),
    )
    .post("/:id/registrations", validate("json", registrationInput), async (c) => {
      const input = { ...c.req.valid("json"), eventId: c.req.param("id") };
      await chargeSignup(c, signupLimits, [input]);
      try {
        return c.json(await register({ ctx: c.var.ctx, input }), 201);
      } catch (err) {
        mailQueuedDespiteRefusal(c, err);
        throw err;
      }
    })
    .get("/:id/registrations", requireOrganiser, validate("query", listRegistrationsQuery), async (c) => {
      const input = { ...c.req.valid("query"), eventId: c.req.param("id"), orgId: c.var.org.id };
      return c.json(await listRegistrations({ ctx: c.var.ctx, input }));
    })
    .get("/:id/registrations.csv", requireOrganiser, validate("query", attendanceCsvQuery), async (c) => {
      const { status } = c.req.valid("query");
      const input = { eventId: c.req.param("id"), format: "csv" as const, status, language: "en" as const, via: "api" as const };
      const { sheet, basename } = await exportAttendees({ ctx: c.var.ctx, input, actor: apiActor(c) });
      return sendSheet(c, sheet, { format: "csv", basename });
    })
    .get("/:id/registrations.xlsx", requireOrganiser, validate("query", attendanceQuery.strict()), async (c) => {
      const input = { eventId: c.req.param("id"), format: "xlsx" as const, status: c.req.valid("query").status, language: "en" as const, via: "api" as const };
      const { sheet, basename, event } = await exportAttendees({ ctx: c.var.ctx, input, actor: apiActor(c) });
      return sendSheet(c, sheet, { format: "xlsx", basename, sheet: sheetName(event.title) || "Attendees" });
    });
}
