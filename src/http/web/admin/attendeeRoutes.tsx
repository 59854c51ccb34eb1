import { Hono } from "hono";
import type { Question } from "../../../db/schema";
import { AppError, invalid } from "../../../lib/errors";
import { issueCode, zodFieldErrors } from "../../../lib/zodIssues";
import { newId } from "../../../lib/secrets";
import { addAttendee } from "../../../domain/attendees";
import { attendanceList, attendanceListQuery, tallyOf } from "../../../domain/attendees";
import { openEvent, registrationOfEvent } from "../../../domain/attendees";
import { cancelByOrganiser, cancellable } from "../../../domain/attendees";
import { countAudience, messageAttendees, messageDraftId, organiserMessageInput, selectedRegistrations } from "../../../domain/attendees";
import { promoteByHand } from "../../../domain/attendees";
import { resendConfirmation } from "../../../domain/attendees";
import { attendeeByHand } from "../../../domain/schemas";
import { sessionsWithArrivals } from "../../../domain/programme";
import { validationError } from "../../errors";
import type { AppContext, AppEnv } from "../../env";
import type { FormState } from "../pages/fields";
import { answersOf } from "../signupSubmission";
import { AddAttendeePage, newAttendeeForm } from "./attendeeAddPage";
import { CancelConfirmPage, PromoteOverridePage } from "./attendeeConfirmPages";
import { adminWords, shownErrors } from "./errors";
import { AttendeeListPage } from "./attendeeListPage";
import { decisionNotice } from "./approvalRoutes";
import { MessageFormPage, MessagePreviewPage, type MessageDraft } from "./attendeeMessagePage";
import { listPath, noticeText } from "./attendeeShared";
import { readColumns } from "./attendeeColumns";
import { readForm, selectedIds, type AdminForm } from "./forms";
import { renderAdmin } from "./layout";
import { requireRole } from "./session";

// Ids in the paths have their own shape, so these routes never catch /events/new and
// the like; anything else falls through to the workspace's 404.
const EVENT = "/events/:id{evt_[0-9a-z]+}";
const REGISTRATION = `${EVENT}/registrations/:rid{reg_[0-9a-z]+}`;
const organiser = requireRole("organiser");

const scope = (c: AppContext) => ({ orgId: c.var.member.orgId, eventId: c.req.param("id")! });
const target = (c: AppContext) => ({ ...scope(c), registrationId: c.req.param("rid")! });
const frame = (c: AppContext) => ({ member: c.var.member, orgName: c.var.orgName });
const backToList = (c: AppContext, query: string) => c.redirect(`${listPath(c.req.param("id")!)}?${query}`, 303);

/** A yes/no field of our own forms: absent or "1"; anything else was not sent by our page. */
function flag(form: AdminForm, name: string) {
  const v = form.one(name);
  if (v !== "" && v !== "1") throw invalid({ [name]: { code: "invalid" } });
  return v === "1";
}

/** The add form as typed: every value kept, to show again beside its error. */
function addFormValues(form: AdminForm, questions: Question[]): FormState["values"] {
  const values: FormState["values"] = {};
  for (const name of ["firstName", "lastName", "email", "organisation", "phone", "language"]) values[name] = form.one(name);
  for (const name of ["override", "sendEmail"]) values[name] = form.checked(name) ? "yes" : "";
  for (const q of questions) values[`answers.${q.id}`] = q.kind === "multiselect" ? form.many(`answers.${q.id}`) : form.one(`answers.${q.id}`);
  return values;
}

const blank = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v : undefined);

/** The attendance list of an event and the organiser's actions on it. */
export const attendeeRoutes = new Hono<AppEnv>()
  .get(EVENT, organiser, async (c) => {
    const query = attendanceListQuery.safeParse(c.req.query());
    if (!query.success) throw validationError(query.error);
    const { status: filter, q, after } = query.data;
    const columns = readColumns(c.req.queries("cols"));
    const list = await attendanceList({ ctx: c.var.ctx, input: { ...scope(c), filter, q, after } });
    const notice =
      noticeText(c.req.query("notice"), c.req.query("n"), c.req.query("mail"), c.var.member.language, c.req.query("s")) ?? decisionNotice((name) => c.req.query(name), c.var.member.language);
    const sessions = await sessionsWithArrivals(c.var.ctx, list.event);
    return renderAdmin(c, <AttendeeListPage {...frame(c)} list={list} columns={columns} notice={notice} publicUrl={c.var.ctx.publicUrl} sessions={sessions} />);
  })

  .post(`${REGISTRATION}/promote`, organiser, async (c) => {
    const override = flag(await readForm(c), "override");
    const result = await promoteByHand({ ctx: c.var.ctx, input: { ...target(c), override }, actor: c.var.member });
    if (result.promoted) return backToList(c, `notice=${result.overCapacity ? "promoted-over" : "promoted"}`);
    const { registration, position, event } = await registrationOfEvent(c.var.ctx, c.var.member.orgId, c.req.param("id"), c.req.param("rid"));
    return renderAdmin(c, <PromoteOverridePage {...frame(c)} event={event.event} registration={registration} position={position} {...result} />);
  })

  .get(`${REGISTRATION}/cancel`, organiser, async (c) => {
    const { registration, position, event } = await cancellable(c.var.ctx, target(c));
    return renderAdmin(c, <CancelConfirmPage {...frame(c)} event={event.event} registration={registration} position={position} />);
  })
  .post(`${REGISTRATION}/cancel`, organiser, async (c) => {
    await cancelByOrganiser({ ctx: c.var.ctx, input: target(c), actor: c.var.member });
    return backToList(c, "notice=cancelled");
  })

  .post(`${REGISTRATION}/resend`, organiser, async (c) => {
    await resendConfirmation({ ctx: c.var.ctx, input: target(c), actor: c.var.member });
    return backToList(c, "notice=resent");
  })

  .get(`${EVENT}/add`, organiser, async (c) => {
    const { event } = await openEvent(c.var.ctx, c.var.member.orgId, c.req.param("id"));
    const tally = await tallyOf(c.var.ctx, event);
    return renderAdmin(c, <AddAttendeePage {...frame(c)} event={event} tally={tally} state={newAttendeeForm(event)} />);
  })
  .post(`${EVENT}/add`, organiser, async (c) => {
    const { ctx } = c.var;
    const { event } = await openEvent(ctx, c.var.member.orgId, c.req.param("id"));
    const values = addFormValues(await readForm(c), event.questions);
    const page = async (state: FormState, status: 400 | 409) =>
      renderAdmin(c, <AddAttendeePage {...frame(c)} event={event} tally={await tallyOf(ctx, event)} state={state} />, status);

    const parsed = attendeeByHand.safeParse({
      firstName: values.firstName,
      lastName: values.lastName,
      email: values.email,
      organisation: blank(values.organisation),
      phone: blank(values.phone),
      language: values.language || undefined,
      answers: answersOf(values, event.questions),
    });
    if (!parsed.success) return page({ values, errors: shownErrors(zodFieldErrors(parsed.error), c.var.member.language) }, 400);
    try {
      const added = await addAttendee({
        ctx,
        input: { ...scope(c), attendee: parsed.data, override: values.override === "yes", sendEmail: values.sendEmail === "yes" },
        actor: c.var.member,
      });
      const outcome = added.overCapacity ? "over" : added.status;
      return backToList(c, `notice=added-${outcome}&mail=${values.sendEmail === "yes" ? 1 : 0}`);
    } catch (err) {
      if (!(err instanceof AppError) || !["invalid_request", "already_registered", "event_full"].includes(err.code)) throw err;
      return page({ values, errors: shownErrors(err.fields, c.var.member.language), problem: err.fields ? undefined : adminWords(c.var.member.language).error(err) }, err.status as 400 | 409);
    }
  })

  .get(`${EVENT}/message`, organiser, async (c) => {
    const { event } = await openEvent(c.var.ctx, c.var.member.orgId, c.req.param("id"));
    const draft = { audience: "confirmed", subject: "", body: "" };
    return renderAdmin(c, <MessageFormPage {...frame(c)} event={event} tally={await tallyOf(c.var.ctx, event)} draft={draft} />);
  })
  .post(`${EVENT}/message`, organiser, async (c) => {
    const { ctx } = c.var;
    const { event } = await openEvent(ctx, c.var.member.orgId, c.req.param("id"));
    const form = await readForm(c);
    const step = form.one("step");
    if (!["preview", "send", "edit"].includes(step)) throw invalid({ step: { code: "one_of", options: ["preview", "send", "edit"] } });
    const draft: MessageDraft = { audience: form.one("audience"), subject: form.one("subject"), body: form.one("body") };
    // To the rows ticked on the list: who they are is checked (and named on the form) at every step.
    const selection = draft.audience === "selected" ? await selectedRegistrations(ctx, { ...scope(c), ids: selectedIds(form) }) : undefined;
    const ids = selection?.ids;
    const formPage = async (errors: Record<string, string>, status: 200 | 400) =>
      renderAdmin(c, <MessageFormPage {...frame(c)} event={event} tally={await tallyOf(ctx, event)} draft={draft} selection={selection?.rows} errors={errors} />, status);

    if (step === "edit") return formPage({}, 200);
    const parsed = organiserMessageInput.safeParse(draft);
    if (!parsed.success) return formPage(shownErrors(zodFieldErrors(parsed.error), c.var.member.language), 400);
    const message = parsed.data;
    if (step === "preview") {
      const recipients = await countAudience({ ctx, input: { ...scope(c), audience: message.audience, ids } });
      // A fresh id per preview: sending it twice (a double click, a resubmitted page) sends once.
      return renderAdmin(c, <MessagePreviewPage {...frame(c)} event={event} message={message} ids={ids} recipients={recipients} draft={newId("draft")} />);
    }
    const draftId = messageDraftId.safeParse(form.one("draft"));
    if (!draftId.success) throw invalid({ draft: issueCode(draftId.error.issues[0]!) });
    try {
      const sent = await messageAttendees({ ctx, input: { ...scope(c), draft: draftId.data, message, ids }, actor: c.var.member });
      return backToList(c, `notice=messaged&n=${sent}`);
    } catch (err) {
      if (err instanceof AppError && err.fields) return formPage(shownErrors(err.fields, c.var.member.language), 400);
      throw err;
    }
  });
