import { Hono } from "hono";
import { AppError, invalid } from "../../lib/errors";
import { fill } from "../../i18n/messages";
import { pageRefusal } from "../../i18n/pages";
import { eventInLanguage, hasStarted } from "../../domain/events";
import { brandOfOrganisation } from "../../domain/organisations";
import { acceptManagedOffer, cancelManagedRegistration, declineManagedOffer, getManagedRegistration } from "../../domain/signup";
import { personalCalendar } from "../../domain/calendars";
import { eraseManagedRegistration } from "../../domain/signup";
import { exportManagedRegistration } from "../../domain/signup";
import { registrationChanges, substituteInput, substituteManagedRegistration, updateManagedRegistration } from "../../domain/signup";
import { changeManagedChoices, choiceChangeInput } from "../../domain/signup";
import { sessionsOfEvent } from "../../domain/programme";
import { pageFieldError } from "../../i18n/pages";
import { icsResponse } from "../calendar";
import type { AppContext, AppEnv } from "../env";
import { zodFieldErrors } from "../../lib/zodIssues";
import { limitBody } from "../middleware";
import { pageLanguage } from "./language";
import { pageInfo, renderPage } from "./layout";
import type { FormState } from "./pages/fields";
import { ConfirmPage, ManagePage, MessagePage, manageHref, offerDeadline, sessionsChangeable, type ManagedView } from "./pages/managePage";
import { substituteFields, substituteName } from "./pages/substituteForm";
import { pageHeaders, sameOriginForms } from "./security";
import { answersOf, formBody, formErrors, orNothing, readSignupForm, valuesOfAnswers } from "./signupSubmission";

const storedValues = (view: ManagedView): FormState["values"] => ({
  firstName: view.firstName,
  lastName: view.lastName,
  organisation: view.organisation ?? "",
  phone: view.phone ?? "",
  language: view.language,
  ...valuesOfAnswers(view.answers),
});

/** `/r/:token`: the registrant's own page and what they can do there. */
export function managePageRoutes({ publicUrl, turnstile }: { publicUrl: string; turnstile: boolean }) {
  const load = async (c: AppContext) => {
    const token = c.req.param("token")!;
    const view = await getManagedRegistration({ ctx: c.var.ctx, input: { token } });
    c.header("Cache-Control", "no-store");
    const brand = await brandOfOrganisation(c.var.ctx, view.organiser.slug);
    const page = pageInfo(pageLanguage(c, view.language), c.req.url);
    // The event's title, place and question labels in the page's language where given.
    return { token, view: { ...view, event: eventInLanguage(view.event, page.lang) }, brand, page };
  };
  const show = async (c: AppContext, state?: FormState, status: 200 | 400 | 409 = 200, done?: string, refused?: string, substitute?: FormState, choices?: FormState) => {
    const { token, view, page, brand } = await load(c);
    const sessions = await sessionsOfEvent(c.var.ctx, view.event);
    const notices: Record<string, string> = {
      saved: page.t.saved,
      cancelled: page.t.cancelledNotice,
      left: page.t.leftNotice,
      accepted: page.t.acceptedNotice,
      declined: page.t.declinedNotice,
      withdrawn: page.t.withdrawnNotice,
      sessions: page.t.programme.saved,
    };
    const notice = done ? notices[done] : undefined;
    const started = hasStarted(view.event, c.var.ctx.now());
    const form = state ?? { values: storedValues(view), errors: {} };
    const props = { view, page, token, state: form, started, notice, refused, substitute, brand, sessions, choices };
    return renderPage(c, <ManagePage {...props} />, status);
  };

  /** Accepts or declines; a refusal (the offer ran out, the event is off) is said on the manage page. */
  const answerOffer = async (c: AppContext, answer: typeof acceptManagedOffer, done: string) => {
    const { page, token } = await load(c);
    try {
      await answer({ ctx: c.var.ctx, input: { token } });
    } catch (err) {
      if (err instanceof AppError && err.status === 409) return show(c, undefined, 409, undefined, pageRefusal(page.t, err, page.lang).text);
      throw err;
    }
    return c.redirect(`/r/${token}?lang=${page.lang}&done=${done}`, 303);
  };

  return new Hono<AppEnv>()
    .use(pageHeaders({ turnstile }))
    .use("*", async (c, next) => (c.req.method === "POST" ? sameOriginForms(publicUrl)(c, next) : next()))
    .use("*", limitBody)
    .get("/:token", (c) => show(c, undefined, 200, c.req.query("done")))
    .post("/:token", async (c) => {
      const { view, page, token } = await load(c);
      const { values } = readSignupForm(await formBody(c), view.event.questions, 1);
      const changes = registrationChanges.safeParse({
        firstName: orNothing(values.firstName),
        lastName: orNothing(values.lastName),
        organisation: orNothing(values.organisation),
        phone: orNothing(values.phone),
        language: orNothing(values.language),
        answers: answersOf(values, view.event.questions),
      });
      if (!changes.success) return show(c, { values, errors: formErrors(page, zodFieldErrors(changes.error)) }, 400);
      try {
        await updateManagedRegistration({ ctx: c.var.ctx, input: { token, changes: changes.data } });
      } catch (err) {
        if (!(err instanceof AppError) || !err.fields) throw err;
        return show(c, { values, errors: formErrors(page, err.fields) }, 400);
      }
      const lang = changes.data.language ?? page.lang;
      return c.redirect(`/r/${token}?lang=${lang}&done=saved`, 303);
    })
    // The change of sessions: the boxes ticked are the sessions wanted; the domain decides
    // seats and waitlists, and refuses the whole change or none of it.
    .post("/:token/sessions", async (c) => {
      const { view, page, token } = await load(c);
      const wanted = [readSignupForm(await formBody(c), [], 1).values.sessions ?? []].flat();
      const held = view.sessions.map((s) => s.id);
      const add = wanted.filter((id) => !held.includes(id));
      const remove = held.filter((id) => !wanted.includes(id));
      const kept: FormState = { values: { sessions: wanted }, errors: {} };
      // Where the page shows a refusal: beside the boxes while they are offered, else at the top.
      const offered = sessionsChangeable(view, hasStarted(view.event, c.var.ctx.now()));
      const refuse = (status: 400 | 409, text: string) =>
        offered ? show(c, undefined, status, undefined, undefined, undefined, { ...kept, errors: { sessions: text } }) : show(c, undefined, status, undefined, text);
      if (!add.length && !remove.length && offered) return c.redirect(`/r/${token}?lang=${page.lang}&done=sessions`, 303);
      try {
        const change = choiceChangeInput.safeParse({ add, remove });
        if (!change.success) throw invalid(zodFieldErrors(change.error));
        await changeManagedChoices({ ctx: c.var.ctx, input: { token, change: change.data } });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // add, remove or sessions: one set of boxes on the page.
        const [issue] = Object.values(err.fields ?? {});
        if (issue && err.status === 400) return refuse(400, pageFieldError(page.t, issue, page.lang));
        if (err.status === 409) return refuse(409, pageRefusal(page.t, err, page.lang).text);
        throw err;
      }
      return c.redirect(`/r/${token}?lang=${page.lang}&done=sessions`, 303);
    })
    // The seat goes to someone else; this link ends with it, so the answer is a page of its own.
    .post("/:token/substitute", async (c) => {
      const { page, token } = await load(c);
      const body = await formBody(c);
      const values: FormState["values"] = {};
      for (const field of substituteFields) {
        const v = body[substituteName(field)];
        values[substituteName(field)] = typeof v === "string" ? v : "";
      }
      const field = (name: string) => values[substituteName(name)] as string;
      const parsed = substituteInput.safeParse({
        firstName: orNothing(field("firstName")),
        lastName: orNothing(field("lastName")),
        email: field("email"),
        organisation: orNothing(field("organisation")) ?? null,
      });
      let done;
      try {
        if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
        done = await substituteManagedRegistration({ ctx: c.var.ctx, input: { token, person: parsed.data } });
      } catch (err) {
        if (!(err instanceof AppError) || (err.status !== 400 && err.status !== 409)) throw err;
        const status = err.status as 400 | 409;
        if (!err.fields) return show(c, undefined, status, undefined, pageRefusal(page.t, err, page.lang).text);
        const errors = Object.fromEntries(Object.entries(formErrors(page, err.fields)).map(([k, v]) => [substituteName(k), v]));
        return show(c, undefined, status, undefined, undefined, { values, errors });
      }
      const { t } = page;
      const text = fill(t.substitute.doneText, { event: done.event.title, name: done.name });
      return renderPage(c, <MessagePage page={page} title={t.substitute.doneTitle} text={text} link={{ href: `/e/${done.event.slug}`, label: t.toEvent }} />);
    })
    .get("/:token/cancel", async (c) => {
      const { view, page, token, brand } = await load(c);
      const { t } = page;
      // Someone waiting has no seat to give up: they leave the waitlist, and are told so;
      // an applicant withdraws their application.
      const waiting = view.status === "waitlisted";
      const applying = view.status === "pending";
      const text = fill(applying ? t.withdrawConfirmText : waiting ? t.leaveConfirmText : t.cancelConfirmText, { event: view.event.title });
      const action = manageHref(token, page, "/cancel");
      const [title, yes] = applying ? [t.withdrawConfirm, t.withdrawYes] : waiting ? [t.leaveConfirm, t.leaveYes] : [t.cancelConfirm, t.cancelYes];
      return renderPage(c, <ConfirmPage page={page} brand={brand} title={title} text={text} action={action} yes={yes} back={manageHref(token, page)} />);
    })
    .post("/:token/cancel", async (c) => {
      const { view, page, token } = await load(c);
      try {
        await cancelManagedRegistration({ ctx: c.var.ctx, input: { token } });
      } catch (err) {
        if (err instanceof AppError && err.reason === "event_started") return show(c, undefined, 409, undefined, pageRefusal(page.t, err, page.lang).text);
        throw err;
      }
      const done = view.status === "pending" ? "withdrawn" : view.status === "waitlisted" ? "left" : "cancelled";
      return c.redirect(`/r/${token}?lang=${page.lang}&done=${done}`, 303);
    })
    // An offer's email links here: a page with one button, since mail scanners follow
    // links and a GET must never take the seat.
    .get("/:token/accept", async (c) => {
      const { view, page, token, brand } = await load(c);
      if (view.status !== "offered") return show(c);
      const { t } = page;
      const text = fill(t.acceptText, { event: view.event.title, deadline: offerDeadline(view, page) });
      return renderPage(c, <ConfirmPage page={page} brand={brand} title={t.acceptTitle} text={text} action={manageHref(token, page, "/accept")} yes={t.acceptButton} back={manageHref(token, page)} />);
    })
    .post("/:token/accept", (c) => answerOffer(c, acceptManagedOffer, "accepted"))
    .get("/:token/decline", async (c) => {
      const { view, page, token, brand } = await load(c);
      if (view.status !== "offered") return show(c);
      const { t } = page;
      const text = fill(t.declineText, { event: view.event.title });
      return renderPage(c, <ConfirmPage page={page} brand={brand} title={t.declineTitle} text={text} action={manageHref(token, page, "/decline")} yes={t.declineYes} back={manageHref(token, page)} />);
    })
    .post("/:token/decline", (c) => answerOffer(c, declineManagedOffer, "declined"))
    .get("/:token/delete", async (c) => {
      const { view, page, token, brand } = await load(c);
      const { t } = page;
      const text = fill(t.deleteConfirmText, { event: view.event.title });
      const action = manageHref(token, page, "/delete");
      return renderPage(
        c,
        <ConfirmPage page={page} brand={brand} title={t.deleteConfirm} text={text} action={action} yes={t.deleteYes} back={manageHref(token, page)} danger />,
      );
    })
    .post("/:token/delete", async (c) => {
      const { page, token } = await load(c);
      const { event } = await eraseManagedRegistration({ ctx: c.var.ctx, input: { token } });
      const { t } = page;
      const text = fill(t.deletedText, { event: event.title });
      return renderPage(c, <MessagePage page={page} title={t.deleted} text={text} link={{ href: `/e/${event.slug}`, label: t.toEvent }} />);
    })
    .get("/:token/calendar.ics", async (c) =>
      icsResponse(c, await personalCalendar({ ctx: c.var.ctx, input: { token: c.req.param("token") } }), "private, no-store"),
    )
    .get("/:token/data.json", async (c) => {
      const data = await exportManagedRegistration({ ctx: c.var.ctx, input: { token: c.req.param("token") } });
      c.header("Cache-Control", "no-store");
      c.header("Content-Disposition", 'attachment; filename="plats-registration.json"');
      return c.json(data);
    });
}
