import { Hono } from "hono";
import type { z } from "zod";
import { AppError, type FieldErrors } from "../../../lib/errors";
import { zodFieldErrors } from "../../../lib/zodIssues";
import { allows } from "../../../domain/accounts";
import { cancelEvent } from "../../../domain/events";
import { createEvent, createEventInput } from "../../../domain/events";
import { dashboardEvents } from "../../../domain/events";
import { failedMailCount, mailHeld } from "../../../domain/outbox";
import { copyCover, coverOf, findEvent, organiserEventView, refuseUnlessEditable, type EventRow } from "../../../domain/events";
import { updateEvent, updateEventInput } from "../../../domain/events";
import { withEmbed } from "../../api/embed";
import type { Language } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { workspaceMessages } from "../../../i18n/workspace";
import type { AppContext, AppEnv } from "../../env";
import { CancelEventPage } from "./cancelEventPage";
import { DashboardPage } from "./dashboardPage";
import { reasonText, shownErrors } from "./errors";
import { duplicateValues, eventFormValues, keepQuestionLabels, moreBlankRows, onFormRows, questionRows, readEventForm, type ReadEventForm } from "./eventForm";
import { EventFormPage, type EventFormProps } from "./eventFormPage";
import { blankState, type AdminFormState } from "./fields";
import { readForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";

/** The text of a `?notice=` code in the member's language (codes, not text: a link must not put words on our page). */
const noticeText = (code: string | undefined, language: Language): string | undefined => {
  const notices: Record<string, string> = workspaceMessages(language).events.notices;
  return code && Object.hasOwn(notices, code) ? notices[code] : undefined;
};

const newEventDefaults = { timezone: "Europe/Stockholm", capacity: "50", groupLimit: "5", waitlist: "yes", waitlistMode: "auto", offerMinutes: "1440", language: "sv", status: "draft", programme: "none", access: "public", listed: "yes" };

/** Runs a save; field errors (the schema's or the domain's) come back beside the form's own rows. */
async function attempt<T>(
  schema: z.ZodType<T>,
  read: ReadEventForm,
  language: Language,
  save: (valid: T) => Promise<string>,
): Promise<{ redirect: string } | { errors: Record<string, string> }> {
  const shown = (fields: FieldErrors) => ({ errors: shownErrors(onFormRows(fields, read.rows), language) });
  const parsed = schema.safeParse(read.input);
  if (!parsed.success) return shown(zodFieldErrors(parsed.error));
  try {
    return { redirect: await save(parsed.data) };
  } catch (err) {
    if (err instanceof AppError && err.fields) return shown(err.fields);
    // Refused as a whole, but about one field: shown beside the programme choice.
    if (err instanceof AppError && err.reason === "programme_locked") return { errors: { programme: reasonText(err.reason, language) } };
    throw err;
  }
}

/** The form as read, for showing again. */
const stateOf = (read: ReadEventForm, language: Language): AdminFormState => ({ values: read.values, errors: shownErrors(read.errors, language) });

const formPage = (c: AppContext, props: Omit<EventFormProps, "member" | "orgName">, status: 200 | 400 = 200) =>
  renderAdmin(c, <EventFormPage member={c.var.member} orgName={c.var.orgName} {...props} />, status);

/** Where a saved event's cover is changed, with the image it has. */
const coverLink = (c: AppContext, event: EventRow) => ({ href: `/admin/events/${event.id}/cover`, path: coverOf(c.var.ctx, event)?.path ?? null });

/** Saved questions are the rows with an id; a re-shown form keeps its count of blank rows. */
const savedCount = (state: AdminFormState) => Object.keys(state.values).filter((k) => /^questions\.\d+\.id$/.test(k) && state.values[k]).length;

// Per route, not `use("/events/*")`: mounted beside the other areas, a path middleware
// would also guard their pages under /events (the check-in view is for the checkin role).
const organiser = requireRole("organiser");

/** The dashboard and creating, editing, duplicating and cancelling events. */
export const eventAdminRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    // A member who only checks people in starts at the door.
    if (!allows(c.var.member.role, "organiser")) return c.redirect("/admin/checkin", 303);
    const all = c.req.query("past") === "all";
    const data = await dashboardEvents({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, pastLimit: all ? undefined : 20 } });
    const held = await mailHeld(c.var.ctx);
    const failedMail = allows(c.var.member.role, "owner") ? await failedMailCount(c.var.ctx, c.var.member.orgId) : 0;
    return renderAdmin(
      c,
      <DashboardPage
        member={c.var.member}
        orgName={c.var.orgName}
        {...data}
        publicUrl={c.var.ctx.publicUrl}
        notice={noticeText(c.req.query("notice"), c.var.member.language)}
        mailHeld={held}
        failedMail={failedMail}
      />,
    );
  })
  .get("/events/new", organiser, (c) => {
    const t = wordsFor(c.var.member).events.form;
    return formPage(c, { title: t.newTitle, action: "/admin/events/new", state: blankState(newEventDefaults), savedQuestions: 0, submitLabel: t.create });
  })
  .post("/events/new", organiser, async (c) => {
    const form = await readForm(c);
    const language = c.var.member.language;
    const t = wordsFor(c.var.member).events.form;
    const read = readEventForm(form);
    const state = stateOf(read, language);
    const coverFrom = form.one("coverFrom");
    if (coverFrom) state.values.coverFrom = coverFrom;
    const props = { title: t.newTitle, action: "/admin/events/new", savedQuestions: savedCount(state), submitLabel: t.create };
    if (form.one("more")) return formPage(c, { ...props, state, blankRows: moreBlankRows(form.one("blankRows"), questionRows(state.values)) });
    if (Object.keys(state.errors).length) return formPage(c, { ...props, state }, 400);
    // Made in the workspace, an event starts as a draft unless the form says otherwise
    // (the API's default is published); the share page then offers publishing it.
    read.input.status = form.one("status") || "draft";
    const actor = c.var.member;
    const result = await attempt(createEventInput, read, language, async (valid) => {
      const event = await createEvent({ ctx: c.var.ctx, input: { ...valid, orgId: actor.orgId }, actor });
      if (coverFrom) await copyCover({ ctx: c.var.ctx, input: { orgId: actor.orgId, fromId: coverFrom, toId: event.id } });
      return `/admin/events/${event.id}/share?notice=created`;
    });
    if ("redirect" in result) return c.redirect(result.redirect, 303);
    return formPage(c, { ...props, state: { ...state, errors: result.errors } }, 400);
  })
  .get("/events/:id/edit", organiser, async (c) => {
    const row = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    refuseUnlessEditable(row.event);
    const t = wordsFor(c.var.member).events.form;
    const state = blankState(eventFormValues(row.event));
    const snippet = withEmbed(organiserEventView(c.var.ctx, row)).embed.snippet;
    const title = fill(t.editTitle, { event: row.event.title });
    const cover = coverLink(c, row.event);
    const programmeHref = `/admin/events/${row.event.id}/programme`;
    return formPage(c, { title, action: `/admin/events/${row.event.id}/edit`, state, savedQuestions: row.event.questions.length, submitLabel: t.save, snippet, cover, programmeHref });
  })
  .post("/events/:id/edit", organiser, async (c) => {
    const row = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    refuseUnlessEditable(row.event);
    const form = await readForm(c);
    const language = c.var.member.language;
    const t = wordsFor(c.var.member).events.form;
    const read = readEventForm(form);
    const state = stateOf(read, language);
    const props = {
      title: fill(t.editTitle, { event: row.event.title }),
      action: `/admin/events/${row.event.id}/edit`,
      savedQuestions: savedCount(state),
      submitLabel: t.save,
      cover: coverLink(c, row.event),
      programmeHref: `/admin/events/${row.event.id}/programme`,
    };
    if (form.one("more")) return formPage(c, { ...props, state, blankRows: moreBlankRows(form.one("blankRows"), questionRows(state.values)) });
    if (Object.keys(state.errors).length) return formPage(c, { ...props, state }, 400);
    // A blank slug on an existing event keeps the one it has (links are already out).
    if (!("slug" in read.input)) read.input.slug = row.event.slug;
    read.input.translations = keepQuestionLabels(read.input.translations, row.event.translations);
    const actor = c.var.member;
    const result = await attempt(updateEventInput, read, language, async (patch) => {
      await updateEvent({ ctx: c.var.ctx, input: { id: row.event.id, orgId: actor.orgId, patch }, actor });
      return `/admin/events/${row.event.id}?notice=saved`;
    });
    if ("redirect" in result) return c.redirect(result.redirect, 303);
    return formPage(c, { ...props, state: { ...state, errors: result.errors } }, 400);
  })
  .get("/events/:id/duplicate", organiser, async (c) => {
    const { event } = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    const t = wordsFor(c.var.member).events.form;
    const intro = fill(t.duplicateIntro, { event: event.title });
    const state = blankState({ ...duplicateValues(event), ...(event.coverHash ? { coverFrom: event.id } : {}) });
    return formPage(c, { title: t.duplicateTitle, action: "/admin/events/new", state, savedQuestions: 0, submitLabel: t.createCopy, intro });
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
