import { Hono } from "hono";
import type { Language } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { fill } from "../../i18n/messages";
import { pageRefusal, plural } from "../../i18n/pages";
import { eventInLanguage, eventPage, eventPageStamp } from "../../domain/events";
import { getManagedRegistration, offersGroupChoice, openSignupReceipt, signupReceipt } from "../../domain/signup";
import { refusalAfterRace, registerGroup, sendManageLinkAgain } from "../../domain/signup";
import { openInvitation, visitInvitation } from "../../domain/access";
import { sessionsOfEvent } from "../../domain/programme";
import type { AppContext, AppEnv } from "../env";
import { limitBody, mailQueuedDespiteRefusal } from "../middleware";
import { chargeSignup, type SignupLimits } from "../signupLimits";
import { pageLanguage } from "./language";
import { pageInfo, renderPage, type PageInfo } from "./layout";
import { EventPageView, type LostLinkState } from "./pages/eventPage";
import { emptyForm, type FormState } from "./pages/fields";
import { ResultPage } from "./pages/resultPage";
import { chosenFull } from "./pages/programme";
import { cachedPages, type PageCacheOptions } from "./pageCache";
import { loadEventPage, pageHeaders, sameOriginForms } from "./security";
import { alreadyRegisteredFields, attendeesOf, formBody, formErrors, readSignupForm } from "./signupSubmission";
import type { AccessView } from "./pages/invitation";
import type { Turnstile } from "./turnstile";

export interface EventPageOptions {
  publicUrl: string;
  signupLimits: SignupLimits;
  turnstile: Turnstile | null;
  clientIp: (c: AppContext) => string | undefined;
  pages: PageCacheOptions;
}

// An invitee's page speaks their language (the organiser's list says it), else the event's.
const eventPageInfo = (c: AppContext, preferred?: Language | null) =>
  pageInfo(pageLanguage(c, preferred ?? c.var.eventPage!.event.language), c.req.url, c.req.query("embed") === "1");

/** A path under the event's page, keeping the language and the embedded view. */
function eventPath(slug: string, page: PageInfo, rest = "") {
  const query = new URLSearchParams({ lang: page.lang });
  if (page.embed) query.set("embed", "1");
  return `/e/${encodeURIComponent(slug)}${rest}?${query}`;
}

const restamp = (c: AppContext) => eventPageStamp(c.var.ctx, c.req.param("slug") ?? "");

// The refusals an invitation link or a company quota meets: said on the page, never a 500.
const linkRefusals = new Set(["invitation_required", "invitation_revoked"]);
const seatRefusals = new Set(["invitation_used", "company_quota"]);

/**
 * What the visitor's `?invitation=` token opens on this event: the invitee, prefilled
 * values and the seats left on the link; or why it cannot be used, in the page's words.
 */
async function accessOf(c: AppContext, token: string | undefined): Promise<{ access?: AccessView; values?: Record<string, string>; visit?: () => Promise<void> }> {
  if (token === undefined) return {};
  const { t, lang } = eventPageInfo(c);
  try {
    const inv = await openInvitation(c.var.ctx, token, c.var.eventPage!.event.id);
    const name = [inv.firstName, inv.lastName].filter(Boolean).join(" ") || inv.email;
    const access = { invited: { name, seatsLeft: Math.max(0, inv.seats - inv.registered), token, language: inv.language as Language | null } };
    const values = { firstName: inv.firstName, lastName: inv.lastName, email: inv.email, organisation: inv.organisation ?? "" };
    return { access, values, visit: () => visitInvitation(c.var.ctx, inv) };
  } catch (err) {
    if (!(err instanceof AppError) || !linkRefusals.has(err.reason)) throw err;
    return { access: { refused: pageRefusal(t, err, lang).text } };
  }
}

/** `/e/:slug`: the event page with its form, and the signup it posts. */
export function eventPageRoutes(options: EventPageOptions) {
  const headers = pageHeaders({ turnstile: options.turnstile !== null });
  const showPage = async (c: AppContext, state: FormState, status: 200 | 400 | 403 | 409 = 200, lostLink?: LostLinkState, access?: AccessView) => {
    const page = eventPageInfo(c, access && "invited" in access ? access.invited.language : null);
    const data = c.var.eventPage!;
    const action = eventPath(data.event.slug, page);
    // Read after the page's stamp (loadEventPage): a kept page is never older than its stamp.
    const sessions = await sessionsOfEvent(c.var.ctx, data.event);
    const view = (
      <EventPageView
        data={data}
        page={page}
        state={state}
        action={action}
        turnstileSiteKey={options.turnstile?.siteKey}
        lostLink={lostLink}
        sessions={sessions}
        access={access}
      />
    );
    return renderPage(c, view, status);
  };
  const show = showPage;

  return new Hono<AppEnv>()
    .get("/:slug", cachedPages({ ...options.pages, restamp }), loadEventPage, headers, async (c) => {
      const token = c.req.query("invitation");
      if (token === undefined) {
        const { stamp, changesAt } = c.var.eventPage!;
        c.set("pageFacts", { stamp, changesAt });
        return show(c, emptyForm());
      }
      // An invitee's page is theirs: never kept (its query makes no page key) nor stored by anyone else.
      c.header("Cache-Control", "private, no-store");
      const { access, values, visit } = await accessOf(c, token);
      await visit?.();
      return show(c, { values: values ?? {}, errors: {} }, "refused" in access! && c.var.eventPage!.event.access === "invitation" ? 403 : 200, undefined, access);
    })
    // "Lost your link?": the same answer whether the address is registered or not, and
    // charged to the signup limit, so the form can neither tell who signed up nor flood.
    .post("/:slug/link", sameOriginForms(options.publicUrl), limitBody, loadEventPage, headers, async (c) => {
      const typed = (await formBody(c)).email;
      const email = (typeof typed === "string" ? typed : "").slice(0, 300);
      const { t } = eventPageInfo(c);
      try {
        await chargeSignup(c, options.signupLimits, [{ email }]);
        await sendManageLinkAgain({ ctx: c.var.ctx, input: { eventId: c.var.eventPage!.event.id, email } });
      } catch (err) {
        if (!(err instanceof AppError) || !err.fields?.email) throw err;
        return show(c, emptyForm(), 400, { email, error: t.fieldErrors.email });
      }
      return show(c, emptyForm(), 200, { email, sent: true });
    })
    .post("/:slug", sameOriginForms(options.publicUrl), limitBody, loadEventPage, headers, async (c) => {
      const data = c.var.eventPage!;
      const page = eventPageInfo(c);
      const { t, lang } = page;
      const { questions, groupLimit } = data.event;
      const title = eventInLanguage(data.event, lang).title;
      const body = await formBody(c);
      const form = readSignupForm(body, questions, groupLimit);
      const values = form.values;
      const token = typeof body.invitation === "string" && body.invitation !== "" ? body.invitation.slice(0, 200) : undefined;
      const { access } = await accessOf(c, token);
      const show = (c: AppContext, state: FormState, status?: 200 | 400 | 403 | 409) => showPage(c, state, status, undefined, access);
      if (data.closedBecause) return show(c, { values, errors: {} }, 409);
      if (access && "refused" in access) return show(c, { values, errors: {} }, 403);
      if (form.automated) return show(c, { values, errors: {}, problem: t.errors.automated }, 400);
      if (options.turnstile && !(await options.turnstile.verify(form.turnstileToken, options.clientIp(c))))
        return show(c, { values, errors: {}, problem: t.errors.turnstile }, 400);

      const rules = { questions, groupLimit, requireConsent: data.organisation.requireConsent };
      const { attendees, rows, errors, groupMode } = attendeesOf(values, rules, lang);
      if (Object.keys(errors).length) return show(c, { values, errors: formErrors(page, errors) }, 400);
      // Charged per person once the form is valid: a group of five spends five.
      await chargeSignup(c, options.signupLimits, attendees);
      let results: Awaited<ReturnType<typeof registerGroup>>;
      try {
        results = await registerGroup({ ctx: c.var.ctx, input: { eventId: data.event.id, attendees, groupMode, invitation: token } });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        mailQueuedDespiteRefusal(c, err);
        if (linkRefusals.has(err.reason)) return showPage(c, { values, errors: {} }, 403, undefined, { refused: pageRefusal(t, err, lang).text });
        if (seatRefusals.has(err.reason)) return show(c, { values, errors: {}, problem: pageRefusal(t, err, lang).text }, 409);
        if (err.fields && err.status === 400) return show(c, { values, errors: formErrors(page, err.fields, rows) }, 400);
        if (err.reason === "session_full") return show(c, { values, errors: { sessions: t.refusals.session_full } }, 409);
        // Signing up twice (the form sent again) is no fault: the page says so, and that the links went again.
        const taken = alreadyRegisteredFields(err);
        if (err.code === "already_registered" && Object.keys(taken).length === attendees.length) {
          const words = attendees.length === 1 ? t.alreadyRegistered : t.groupAlreadyRegistered;
          return show(c, { values: {}, errors: {}, notice: fill(words, { title, email: attendees[0]!.email.trim() }) });
        }
        if (err.code === "already_registered") return show(c, { values, errors: formErrors(page, taken, rows) }, 409);
        if (err.status !== 409 && err.status !== 404) throw err;
        results = [];
      }
      if (!results[0] && (token || data.event.companyQuota !== null)) {
        // The link's seats or the company's quota ran out (or the group is more than the link has left).
        const why = await refusalAfterRace(c.var.ctx, data.event.id, c.var.ctx.now(), { ...attendees[0]!, invitation: token }).catch((err: unknown) => err);
        if (why instanceof AppError && seatRefusals.has(why.reason)) return show(c, { values, errors: {}, problem: pageRefusal(t, why, lang).text }, 409);
        const now = token ? (await accessOf(c, token)).access : undefined;
        const left = now && "invited" in now ? now.invited.seatsLeft : 0;
        if (left > 0 && left < attendees.length) return showPage(c, { values, errors: {}, problem: plural(lang, t.access.tooMany, left) }, 409, undefined, now);
      }
      if (!results[0]) {
        // Closed or filled up since the page was loaded (or too full for the whole group): show it as it is now.
        const now = await eventPage({ ctx: c.var.ctx, input: { slug: data.event.slug } });
        c.set("eventPage", now);
        // A seat of the event was there, but not one in a chosen session that takes no waitlist.
        const chosen = [values.sessions ?? []].flat();
        if (!now.closedBecause && chosen.length && chosenFull(await sessionsOfEvent(c.var.ctx, now.event), chosen))
          return show(c, { values, errors: { sessions: t.refusals.session_full } }, 409);
        const seats = now.event.seatsLeft;
        const wholeGroup = attendees.length > 1 && groupMode === "together" && offersGroupChoice(now.event) && seats > 0;
        const problem = wholeGroup ? plural(lang, t.groupDoesNotFit, seats) : now.closedBecause ? undefined : t.full;
        return show(c, { values, errors: {}, problem }, 409);
      }
      const people = attendees.map((a, i) => ({ name: a.name, email: a.email, result: results[i] ?? null }));
      const receipt = await signupReceipt({ ctx: c.var.ctx, input: { eventId: data.event.id, people } });
      // Post/Redirect/Get: a reload or the back button shows the result again, never signs up twice.
      return c.redirect(eventPath(data.event.slug, page, `/done/${receipt}`), 303);
    })
    // The result of a signup, from the receipt its redirect carries (see signupReceipt).
    .get("/:slug/done/:ref", loadEventPage, headers, async (c) => {
      const data = c.var.eventPage!;
      const { people, token } = await openSignupReceipt({ ctx: c.var.ctx, input: { eventId: data.event.id, ref: c.req.param("ref") } });
      const managed = await getManagedRegistration({ ctx: c.var.ctx, input: { token } });
      c.header("Cache-Control", "no-store");
      const page = eventPageInfo(c);
      const view = (
        <ResultPage
          page={page}
          event={eventInLanguage(managed.event, page.lang)}
          people={people}
          manageUrl={managed.manageUrl}
          calendar={managed.calendar}
          brand={data.organisation.brand}
          sessions={managed.sessions}
        />
      );
      return renderPage(c, view);
    });
}
