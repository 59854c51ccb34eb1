import { Hono } from "hono";
import type { z } from "zod";
import { AppError } from "../../../lib/errors";
import { cancelEvent } from "../../../domain/events";
import { createEvent, createEventInput } from "../../../domain/events";
import { dashboardEvents } from "../../../domain/events";
import { findEvent, organiserEventView } from "../../../domain/events";
import { updateEvent, updateEventInput } from "../../../domain/events";
import { withEmbed } from "../../api/embed";
import { fieldErrors } from "../../errors";
import type { AppContext, AppEnv } from "../../env";
import { CancelEventPage } from "./cancelEventPage";
import { DashboardPage } from "./dashboardPage";
import { duplicateValues, eventFormValues, moreBlankRows, questionRows, readEventForm } from "./eventForm";
import { EventFormPage, type EventFormProps } from "./eventFormPage";
import { blankState, type AdminFormState } from "./fields";
import { readForm } from "./forms";
import { renderAdmin } from "./layout";
import { requireRole } from "./session";

const notices: Record<string, string> = {
  created: "The event is created.",
  saved: "Your changes are saved. Attendees were told about any change of time or place.",
  cancelled: "The event is cancelled and everyone registered is being told.",
};

const newEventDefaults = { timezone: "Europe/Stockholm", capacity: "50", groupLimit: "5", waitlist: "yes", language: "sv", status: "published" };

// The services' messages name API fields; the form names them as the page does.
const fieldNames: [RegExp, string][] = [
  [/\bstartsAt\b/g, "the start"],
  [/\bendsAt\b/g, "the end"],
  [/\bregistrationOpensAt\b/g, "registration opens"],
];
const readable = (errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, fieldNames.reduce((s, [re, name]) => s.replace(re, name), m)]));

/** Runs a save; field errors (the schema's or the service's) come back for the form. */
async function attempt<T>(schema: z.ZodType<T>, input: unknown, save: (valid: T) => Promise<string>): Promise<{ redirect: string } | { errors: Record<string, string> }> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { errors: readable(fieldErrors(parsed.error)) };
  try {
    return { redirect: await save(parsed.data) };
  } catch (err) {
    if (err instanceof AppError && err.fields) return { errors: readable(err.fields) };
    throw err;
  }
}

const formPage = (c: AppContext, props: Omit<EventFormProps, "member" | "orgName">, status: 200 | 400 = 200) =>
  renderAdmin(c, <EventFormPage member={c.var.member} orgName={c.var.orgName} {...props} />, status);

/** Saved questions are the rows with an id; a re-shown form keeps its count of blank rows. */
const savedCount = (state: AdminFormState) => Object.keys(state.values).filter((k) => /^questions\.\d+\.id$/.test(k) && state.values[k]).length;

// Per route, not `use("/events/*")`: mounted beside the other areas, a path middleware
// would also guard their pages under /events (the check-in view is for the checkin role).
const organiser = requireRole("organiser");

/** The dashboard and creating, editing, duplicating and cancelling events. */
export const eventAdminRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    if (c.var.member.role === "checkin") return c.redirect("/admin/checkin", 303);
    const all = c.req.query("past") === "all";
    const data = await dashboardEvents({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, pastLimit: all ? undefined : 20 } });
    return renderAdmin(c, <DashboardPage member={c.var.member} orgName={c.var.orgName} {...data} notice={notices[c.req.query("notice") ?? ""]} />);
  })
  .get("/events/new", organiser, (c) =>
    formPage(c, { title: "New event", action: "/admin/events/new", state: blankState(newEventDefaults), savedQuestions: 0, submitLabel: "Create the event" }),
  )
  .post("/events/new", organiser, async (c) => {
    const form = await readForm(c);
    const { state, input } = readEventForm(form);
    const props = { title: "New event", action: "/admin/events/new", savedQuestions: savedCount(state), submitLabel: "Create the event" };
    if (form.one("more")) return formPage(c, { ...props, state, blankRows: moreBlankRows(form.one("blankRows"), questionRows(state.values)) });
    if (Object.keys(state.errors).length) return formPage(c, { ...props, state }, 400);
    const actor = c.var.member;
    const result = await attempt(createEventInput, input, async (valid) => {
      const event = await createEvent({ ctx: c.var.ctx, input: { ...valid, orgId: actor.orgId }, actor });
      return `/admin/events/${event.id}?notice=created`;
    });
    if ("redirect" in result) return c.redirect(result.redirect, 303);
    return formPage(c, { ...props, state: { ...state, errors: result.errors } }, 400);
  })
  .get("/events/:id/edit", organiser, async (c) => {
    const row = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    if (row.event.status === "cancelled") throw new AppError("event_cancelled", "A cancelled event cannot be changed. Duplicate it to hold it again.");
    const state = blankState(eventFormValues(row.event));
    const snippet = withEmbed(organiserEventView(c.var.ctx, row)).embed.snippet;
    return formPage(c, { title: `Edit: ${row.event.title}`, action: `/admin/events/${row.event.id}/edit`, state, savedQuestions: row.event.questions.length, submitLabel: "Save changes", snippet });
  })
  .post("/events/:id/edit", organiser, async (c) => {
    const row = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    const form = await readForm(c);
    const { state, input } = readEventForm(form);
    const props = { title: `Edit: ${row.event.title}`, action: `/admin/events/${row.event.id}/edit`, savedQuestions: savedCount(state), submitLabel: "Save changes" };
    if (form.one("more")) return formPage(c, { ...props, state, blankRows: moreBlankRows(form.one("blankRows"), questionRows(state.values)) });
    if (Object.keys(state.errors).length) return formPage(c, { ...props, state }, 400);
    // A blank slug on an existing event keeps the one it has (links are already out).
    if (!("slug" in input)) input.slug = row.event.slug;
    const actor = c.var.member;
    const result = await attempt(updateEventInput, input, async (patch) => {
      await updateEvent({ ctx: c.var.ctx, input: { id: row.event.id, orgId: actor.orgId, patch }, actor });
      return `/admin/events/${row.event.id}?notice=saved`;
    });
    if ("redirect" in result) return c.redirect(result.redirect, 303);
    return formPage(c, { ...props, state: { ...state, errors: result.errors } }, 400);
  })
  .get("/events/:id/duplicate", organiser, async (c) => {
    const { event } = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    const intro = `A copy of "${event.title}", one week later. Check the date and time, then create it. Nobody is registered yet.`;
    return formPage(c, { title: "Duplicate event", action: "/admin/events/new", state: blankState(duplicateValues(event)), savedQuestions: 0, submitLabel: "Create the copy", intro });
  })
  .get("/events/:id/cancel", organiser, async (c) => {
    const row = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    return renderAdmin(c, <CancelEventPage member={c.var.member} orgName={c.var.orgName} row={row} />);
  })
  .post("/events/:id/cancel", organiser, async (c) => {
    const actor = c.var.member;
    await cancelEvent({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: actor.orgId }, actor });
    return c.redirect("/admin?notice=cancelled", 303);
  });
