import { formatDeadline } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { registrantCanChange, type getManagedRegistration } from "../../../domain/signup";
import { Layout, type PageInfo } from "../layout";
import type { PublicBrand } from "../../../domain/organisations";
import { EventFacts } from "./eventPage";
import { ErrorSummary, TextField, fieldId, type FormState } from "./fields";
import { CheckinPassCard } from "./checkinPass";
import { CalendarLinksList } from "./resultPage";
import { QuestionField } from "./signupForm";
import { SubstituteCard } from "./substituteForm";
import type { SessionView } from "../../../domain/programme";
import { ManageSessions } from "./manageSessions";

export type ManagedView = Awaited<ReturnType<typeof getManagedRegistration>>;

/** An offer's deadline as the reader reads it: the event's clock, the page's language. */
export const offerDeadline = (view: ManagedView, page: PageInfo) =>
  view.offerExpiresAt ? formatDeadline(new Date(view.offerExpiresAt), view.event.timezone, page.lang) : "";

/** An open offer: until when the seat is held, and the two answers (a decline is confirmed on a page of its own). */
function OfferCard({ view, page, token }: { view: ManagedView; page: PageInfo; token: string }) {
  const { t } = page;
  return (
    <section class="card" aria-labelledby="offer-title">
      <h2 id="offer-title">{t.offerHeading}</h2>
      <p>{fill(t.offerText, { deadline: offerDeadline(view, page) })}</p>
      <form method="post" action={manageHref(token, page, "/accept")} class="actions">
        <button type="submit">{t.acceptButton}</button>
        <a class="button secondary" href={manageHref(token, page, "/decline")}>
          {t.declineLink}
        </a>
      </form>
    </section>
  );
}

/** Whether the page offers the change of sessions: a live registration, before the start, sessions to choose. */
export const sessionsChangeable = (view: ManagedView, started: boolean) =>
  registrantCanChange(view, view.event) && !started && view.event.programme === "choose";

/** Where each action of the manage page goes, keeping the page's language. */
export const manageHref = (token: string, page: PageInfo, action = "") => `/r/${token}${action}?lang=${page.lang}`;

function Status({ view, page }: { view: ManagedView; page: PageInfo }) {
  const { t } = page;
  if (view.event.status === "cancelled") return <p class="badge bad">{t.eventCancelled}</p>;
  if (view.status === "confirmed") return <p class="badge">{t.youAreConfirmed}</p>;
  if (view.status === "waitlisted") return <p class="badge wait">{fill(t.youAreWaitlisted, { position: view.position ?? "" })}</p>;
  if (view.status === "offered") return <p class="badge wait">{t.youAreOffered}</p>;
  if (view.status === "expired") return <p class="badge bad">{t.youAreExpired}</p>;
  if (view.status === "pending") return <p class="badge wait">{t.youArePending}</p>;
  if (view.status === "declined") return <p class="badge bad">{t.youAreDeclined}</p>;
  return <p class="badge bad">{t.youAreCancelled}</p>;
}

function LanguageField({ state, page }: { state: FormState; page: PageInfo }) {
  const { t } = page;
  const id = fieldId("language");
  return (
    <div class="field">
      <label for={id}>{t.mailLanguage}</label>
      <select id={id} name="language">
        {(["sv", "en", "nb"] as const).map((l) => (
          <option value={l} selected={state.values.language === l} lang={l}>
            {t.languageNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

function DetailsForm({ view, page, state, token }: { view: ManagedView; page: PageInfo; state: FormState; token: string }) {
  const { t } = page;
  const labels: Record<string, string> = { firstName: t.firstName, lastName: t.lastName, organisation: t.organisation, phone: t.phone };
  for (const q of view.event.questions) labels[`answers.${q.id}`] = q.label;
  return (
    <section class="card" aria-labelledby="details-title">
      <h2 id="details-title">{t.detailsHeading}</h2>
      <form method="post" action={manageHref(token, page)} novalidate>
        <ErrorSummary state={state} labels={labels} t={t} />
        <TextField state={state} name="firstName" label={t.firstName} required autocomplete="given-name" t={t} maxLength={100} />
        <TextField state={state} name="lastName" label={t.lastName} required autocomplete="family-name" t={t} maxLength={100} />
        <div class="field">
          <p>
            <strong>{t.email}:</strong> {view.email}
          </p>
          <p class="hint">{t.emailFixed}</p>
        </div>
        <TextField state={state} name="organisation" label={t.organisation} autocomplete="organization" t={t} maxLength={200} />
        <TextField state={state} name="phone" label={t.phone} type="tel" autocomplete="tel" t={t} maxLength={50} />
        {view.event.questions.map((q) => (
          <QuestionField q={q} state={state} page={page} />
        ))}
        <LanguageField state={state} page={page} />
        <div class="actions">
          <button type="submit">{t.save}</button>
        </div>
      </form>
    </section>
  );
}

/** The registrant's own page: status, the event, calendar, their details, cancel, their data. */
export function ManagePage(props: {
  view: ManagedView;
  page: PageInfo;
  token: string;
  state: FormState;
  started: boolean;
  notice?: string;
  /** Why the last action was refused (cancelling after the start). */
  refused?: string;
  /** The "send a colleague in my place" form as last submitted, with its errors. */
  substitute?: FormState;
  /** The organiser's logo, colour, contact and footer, as on the event's page. */
  brand?: PublicBrand;
  /** The event's sessions (none without a programme). */
  sessions?: SessionView[];
  /** The change of sessions as last submitted, with its errors. */
  choices?: FormState;
}) {
  const { view, page, token, state, started } = props;
  const { t } = page;
  const live = registrantCanChange(view, view.event);
  // A waitlisted person has no seat to cancel: they leave the waitlist; an applicant
  // withdraws their application (the same cancelling, in their words).
  const waiting = view.status === "waitlisted";
  const applying = view.status === "pending";
  return (
    <Layout page={page} title={`${Object.keys(state.errors).length || Object.keys(props.choices?.errors ?? {}).length ? fill(t.errorTitle, { title: "" }) : ""}${fill(t.manageTitle, { event: view.event.title })}`} noindex brand={props.brand}>
      <h1>{fill(t.manageTitle, { event: view.event.title })}</h1>
      {props.notice ? (
        <p class="notice ok" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.refused ? (
        <p class="notice wait" role="alert">
          {props.refused}
        </p>
      ) : null}
      <Status view={view} page={page} />
      <section class="card" aria-labelledby="event-title">
        <h2 id="event-title">{view.event.title}</h2>
        <EventFacts event={view.event} page={page} joinUrl={view.event.onlineUrl} />
        <p>
          <a href={view.event.url}>{t.toEvent}</a>
        </p>
        {view.calendar ? <CalendarLinksList links={view.calendar} page={page} /> : null}
      </section>
      {/* Once the registration has ended its places are gone: nothing to list. */}
      {live ? (
        <ManageSessions
          event={view.event}
          sessions={props.sessions ?? []}
          choices={view.sessions}
          feed={view.sessionFeed}
          page={page}
          form={
            sessionsChangeable(view, started)
              ? { action: manageHref(token, page, "/sessions"), state: props.choices ?? { values: { sessions: view.sessions.map((s) => s.id) }, errors: {} } }
              : null
          }
        />
      ) : null}
      {view.checkin && live ? <CheckinPassCard pass={view.checkin} page={page} /> : null}
      {live && view.status === "offered" && !started ? <OfferCard view={view} page={page} token={token} /> : null}
      {live ? <DetailsForm view={view} page={page} state={state} token={token} /> : null}
      {live && view.status === "confirmed" && !started ? (
        <SubstituteCard page={page} action={manageHref(token, page, "/substitute")} state={props.substitute ?? { values: {}, errors: {} }} />
      ) : null}
      {/* Someone offered a seat answers the offer above; declining it is their cancelling. */}
      {live && view.status !== "offered" ? (
        <section class="card" aria-labelledby="cancel-title">
          <h2 id="cancel-title">{applying ? t.withdrawHeading : waiting ? t.leaveHeading : t.cancelHeading}</h2>
          {started ? (
            <p>{t.refusals.event_started}</p>
          ) : (
            <>
              <p>{applying ? t.withdrawText : waiting ? t.leaveText : t.cancelText}</p>
              <p>
                <a class="button secondary" href={manageHref(token, page, "/cancel")}>
                  {applying ? t.withdrawButton : waiting ? t.leaveWaitlist : t.cancelButton}
                </a>
              </p>
            </>
          )}
        </section>
      ) : null}
      <section class="card" aria-labelledby="data-title">
        <h2 id="data-title">{t.dataHeading}</h2>
        <p>{t.dataText}</p>
        <ul class="links">
          <li>
            <a href={`/r/${token}/data.json`} download="plats-registration.json">
              {t.downloadData}
            </a>
          </li>
          <li>
            <a href={manageHref(token, page, "/delete")}>{t.deleteData}</a>
          </li>
        </ul>
      </section>
      <p class="hint">{fill(t.organisedBy, { org: view.organiser.name })}</p>
    </Layout>
  );
}

/** The confirmation step before cancelling or erasing: a real form, so no script is needed. */
export function ConfirmPage(props: {
  page: PageInfo;
  title: string;
  text: string;
  action: string;
  yes: string;
  back: string;
  danger?: boolean;
  brand?: PublicBrand;
}) {
  const { page } = props;
  return (
    <Layout page={page} title={props.title} noindex brand={props.brand}>
      <h1>{props.title}</h1>
      <p>{props.text}</p>
      <form method="post" action={props.action} class="actions">
        <button type="submit" class={props.danger ? "danger" : undefined}>
          {props.yes}
        </button>
        <a href={props.back}>{page.t.keep}</a>
      </form>
    </Layout>
  );
}

export function MessagePage({ page, title, text, link }: { page: PageInfo; title: string; text: string; link?: { href: string; label: string } }) {
  return (
    <Layout page={page} title={title} noindex>
      <h1>{title}</h1>
      <p class="notice ok" role="status">
        {text}
      </p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}
