import type { Child } from "hono/jsx";
import { fill, messages } from "../../../i18n/messages";
import { formatWhen } from "../../../i18n/format";
import { plural } from "../../../i18n/pages";
import { eventInLanguage, type CoverView, type EventPage, type PublicEventView } from "../../../domain/events";
import { telHref, type PublicBrand } from "../../../domain/organisations";
import { newcomerGetsSeat } from "../../../domain/seats";
import { Layout, type PageInfo } from "../layout";
import type { FormState } from "./fields";
import { SignupForm } from "./signupForm";
import { Description } from "./description";
import type { SessionView } from "../../../domain/programme";
import { ProgrammeSection } from "./programme";
import { InvitationOnly, InvitedIntro, type AccessView } from "./invitation";

// OpenStreetMap's search: no account, no script of theirs on our page, and the place
// goes in as one encoded query parameter.
const mapUrl = (query: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;

/**
 * When (with the weekday), where, and the join note for an online event: shared by the
 * event and manage pages; the event page adds its seats and organiser as `children`.
 */
export function EventFacts({ event, page, joinUrl, children }: { event: PublicEventView; page: PageInfo; joinUrl?: string | null; children?: Child }) {
  const { t } = page;
  const place = [event.venue, event.address].filter(Boolean).join(", ");
  const when = formatWhen(new Date(event.startsAt), new Date(event.endsAt), event.timezone, page.lang);
  const m = messagesOf(page);
  return (
    <dl class="meta">
      <dt>{m.when}</dt>
      <dd>
        <time datetime={event.startsAt}>{when}</time>
      </dd>
      {place ? (
        <>
          <dt>{m.where}</dt>
          <dd>
            {place}
            <br />
            <a href={mapUrl(place)} target="_blank" rel="noopener noreferrer" class="no-print">
              {t.mapLink} <span class="optional">{t.openInNewTab}</span>
            </a>
          </dd>
        </>
      ) : null}
      {event.online ? (
        <>
          <dt>{m.online}</dt>
          <dd>{joinUrl ? <a href={joinUrl}>{joinUrl}</a> : t.onlineOnly}</dd>
        </>
      ) : null}
      {children}
    </dl>
  );
}

// The words "When", "Where", "Online" are the emails' own; one translation for both.
const messagesOf = (page: PageInfo) => messages(page.lang);

/** "3 seats left", "full – join the waitlist" or "full": the same words on every page. */
export function availability(page: PageInfo, event: PublicEventView): { text: string; tone: "" | "wait" | "bad" } {
  const { t } = page;
  if (newcomerGetsSeat(event)) return { text: plural(page.lang, t.seatsLeft, event.seatsLeft), tone: "" };
  return event.waitlist ? { text: t.fullWaitlist, tone: "wait" } : { text: t.full, tone: "bad" };
}

/** Seats left, the waitlist or full, from the counts the page already has (the event's tally). */
function Availability({ data, page }: { data: EventPage; page: PageInfo }) {
  const { t } = page;
  const { event } = data;
  if (data.closedBecause === "signup_cancelled") return <span class="badge bad">{t.eventCancelled}</span>;
  const { text, tone } = availability(page, event);
  return (
    <>
      <span class={`badge ${tone}`.trim()}>{text}</span>{" "}
      {event.waitlisted ? <span class="optional">{plural(page.lang, t.waiting, event.waitlisted)}</span> : null}
    </>
  );
}

/** The organiser with its logo and how to reach it: who stands behind the event, at a glance. */
function Organiser({ brand }: { brand: PublicBrand }) {
  return (
    <dd class="organiser">
      {/* The name stands beside it, so the logo is decoration to a screen reader. */}
      {brand.logo ? <img src={brand.logo.path} alt="" class="organiser-logo" /> : null}
      <span>
        <strong>{brand.name}</strong>
        {brand.contactEmail ? (
          <>
            <br />
            <a href={`mailto:${brand.contactEmail}`}>{brand.contactEmail}</a>
          </>
        ) : null}
        {brand.contactPhone ? (
          <>
            <br />
            <a href={telHref(brand.contactPhone)}>{brand.contactPhone}</a>
          </>
        ) : null}
      </span>
    </dd>
  );
}

/** The cover image, sized by its attributes so the page does not jump as it loads. */
function Cover({ cover }: { cover: CoverView }) {
  return (
    <p class="cover">
      <img src={cover.path} alt={cover.alt} width={cover.width} height={cover.height} fetchpriority="high" />
    </p>
  );
}

/**
 * On a phone, a link to the form that stays at the bottom of the screen while the reader
 * is above the form (position: sticky, no script); it comes to rest just before the form.
 * Only while the form is offered, and not in the embed (the site around it scrolls).
 */
function StickySignup({ data, page }: { data: EventPage; page: PageInfo }) {
  const { t } = page;
  if (data.closedBecause || page.embed) return null;
  return (
    <p class="sticky-signup no-print">
      <a class="button" href="#signup">
        {data.event.access === "approval" ? t.access.submitApplication : newcomerGetsSeat(data.event) ? t.summary.signUp : t.summary.joinWaitlist}
      </a>
    </p>
  );
}

function Closed({ data, page }: { data: EventPage; page: PageInfo }) {
  const { t } = page;
  const { event } = data;
  if (data.closedBecause === "signup_cancelled") return <p class="notice">{t.eventCancelled}</p>;
  if (data.closedBecause === "full_no_waitlist") return <p class="notice">{t.full}</p>;
  if (data.opensAt) {
    const opens = formatWhen(new Date(data.opensAt), new Date(data.opensAt), event.timezone, page.lang);
    return <p class="notice">{fill(t.notOpenYet, { when: opens })}</p>;
  }
  return <p class="notice">{t.closed}</p>;
}

/** What the "lost your link?" form last did: the address typed, and sent or refused. */
export interface LostLinkState {
  email: string;
  sent?: boolean;
  error?: string;
}

/** Sends the manage link again; the answer is the same whether the address is registered or not. */
function LostLink({ data, page, state, preview }: { data: EventPage; page: PageInfo; state?: LostLinkState; preview?: boolean }) {
  const { t } = page;
  const query = new URLSearchParams({ lang: page.lang, ...(page.embed ? { embed: "1" } : {}) });
  return (
    <details class="lost-link no-print" id="lost-link" open={state ? true : undefined}>
      <summary>{t.lostLink.summary}</summary>
      {state?.sent ? (
        <p class="notice ok" role="status">
          {t.lostLink.sent}
        </p>
      ) : null}
      <form method="post" action={`/e/${encodeURIComponent(data.event.slug)}/link?${query}`} novalidate>
        <p>{t.lostLink.intro}</p>
        <div class="field">
          <label for="lost-email">{t.email}</label>
          {state?.error ? (
            <p class="field-error" id="lost-email-error">
              {state.error}
            </p>
          ) : null}
          <input
            id="lost-email"
            type="email"
            name="email"
            autocomplete="email"
            value={state?.email ?? ""}
            aria-invalid={state?.error ? "true" : undefined}
            aria-describedby={state?.error ? "lost-email-error" : undefined}
            required
          />
        </div>
        <button type="submit" class="secondary" disabled={preview}>
          {t.lostLink.button}
        </button>
      </form>
    </details>
  );
}

/**
 * The public event page. With `preview` (a notice saying so), it is the organiser's
 * preview behind sign-in: the same page, with buttons that send nothing.
 */
export function EventPageView(props: {
  data: EventPage;
  page: PageInfo;
  state: FormState;
  action: string;
  turnstileSiteKey?: string;
  lostLink?: LostLinkState;
  preview?: Child;
  /** The programme's sessions (none: the page shows no programme). */
  sessions?: SessionView[];
  /** What the visitor's invitation link opened, if they came with one. */
  access?: AccessView;
}) {
  const { page, state } = props;
  // The event's words in the page's language where the organiser gave them; the form's
  // question ids and options stay as written, so answers are the same in every language.
  const data = { ...props.data, event: eventInLanguage(props.data.event, page.lang) };
  const preview = props.preview !== undefined;
  const { t } = page;
  const { event, organisation } = data;
  const failed = Object.keys(state.errors).length > 0 || state.problem;
  const invited = props.access && "invited" in props.access ? props.access.invited : null;
  const refused = props.access && "refused" in props.access ? props.access.refused : undefined;
  // An event by invitation takes its form through a valid link only; a link with no seat
  // left says so. Otherwise a refused link is said above the public form.
  const form = !data.closedBecause && (event.access !== "invitation" || invited) && (!invited || invited.seatsLeft > 0);
  // An invitee's form offers colleague rows up to the seats their link has left (and
  // keeps every row a refused form had filled in, so nothing typed is lost).
  const typedRows = Object.entries(state.values).flatMap(([k, v]) => (/^attendees\.\d+\./.test(k) && String(v).trim() ? [Number(k.split(".")[1]) + 1] : []));
  const rows = invited ? Math.max(1, Math.min(event.groupLimit, Math.max(invited.seatsLeft, ...typedRows))) : event.groupLimit;
  const formData = { ...data, event: { ...event, groupLimit: rows } };
  return (
    <Layout
      page={page}
      title={`${failed ? fill(t.errorTitle, { title: event.title }) : event.title} – ${organisation.name}`}
      noindex={preview || !event.listed || undefined}
      brand={organisation.brand}
      organiserShown
    >
      <article>
        {props.preview}
        {data.cover && !page.embed ? <Cover cover={data.cover} /> : null}
        <h1>{event.title}</h1>
        <EventFacts event={event} page={page}>
          <dt>{t.summary.seats}</dt>
          <dd>
            <Availability data={data} page={page} />
          </dd>
          <dt>{t.summary.organiser}</dt>
          <Organiser brand={organisation.brand} />
        </EventFacts>
        {event.description ? <Description text={event.description} /> : null}
        <ProgrammeSection sessions={props.sessions ?? []} event={event} page={page} />
        {page.embed ? null : (
          <p class="no-print">
            <a href={`/e/${encodeURIComponent(event.slug)}/calendar.ics?lang=${page.lang}`}>{t.eventCalendarFile}</a>
          </p>
        )}
        {form ? <StickySignup data={data} page={page} /> : null}
        <section class="card" aria-labelledby="register-title" id="register">
          <h2 id="register-title">{t.registerHeading}</h2>
          {data.closedBecause ? (
            <Closed data={data} page={page} />
          ) : !form ? (
            <InvitationOnly data={data} page={page} refused={invited ? t.access.invitationUsed : refused} />
          ) : (
            <>
            {invited ? <InvitedIntro invited={invited} event={event} page={page} /> : refused ? <p class="notice wait" role="alert">{refused}</p> : null}
            <SignupForm
              data={formData}
              invitation={invited?.token}
              state={state}
              page={page}
              action={props.action}
              turnstileSiteKey={props.turnstileSiteKey}
              preview={preview}
              sessions={props.sessions}
            />
            </>
          )}
          {data.closedBecause === "signup_cancelled" ? null : <LostLink data={data} page={page} state={props.lostLink} preview={preview} />}
        </section>
      </article>
    </Layout>
  );
}
