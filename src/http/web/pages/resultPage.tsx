import type { CalendarLinks } from "../../../calendar/links";
import { fill, messages } from "../../../i18n/messages";
import type { PageMessages } from "../../../i18n/pages";
import type { ReceiptPerson } from "../../../domain/signup";
import type { PublicEventView } from "../../../domain/events";
import type { PublicBrand } from "../../../domain/organisations";
import { Layout, type PageInfo } from "../layout";
import { EventFacts } from "./eventPage";
import type { MyChoice } from "../../../domain/programme";
import { MySchedule } from "./programme";

/** A person's status as the signup decided it; "refused": neither a seat nor a waitlist place was left for them. */
export function statusText(t: PageMessages, p: Pick<ReceiptPerson, "status" | "position">) {
  if (p.status === "refused") return t.statusRefused;
  if (p.status === "pending") return t.statusPending;
  return p.status === "confirmed" ? t.statusConfirmed : fill(t.statusWaitlisted, { position: p.position ?? "" });
}

/** Links that open outside an embedded form, so the organisation's page stays as it was. */
export const outward = (page: PageInfo) => (page.embed ? { target: "_blank", rel: "noopener" } : {});

export function CalendarLinksList({ links, page }: { links: CalendarLinks; page: PageInfo }) {
  const m = messages(page.lang);
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{m.addToCalendar}</h2>
      <ul class="links">
        <li>
          <a href={links.google} {...outward(page)}>Google</a>
        </li>
        <li>
          <a href={links.outlook} {...outward(page)}>Outlook.com</a>
        </li>
        <li>
          <a href={links.office365} {...outward(page)}>Microsoft 365</a>
        </li>
        <li>
          <a href={links.ics}>{m.calendarFile}</a>
        </li>
      </ul>
    </section>
  );
}

/**
 * After a signup: each person's status, the submitter's own link, and calendar links once
 * confirmed. The submitter (the first person) always has a seat or a waitlist place: a
 * signup that placed nobody shows the form again. Embedded, it tells the page around the
 * frame that a result is showing (`data-plats-result`, read by frame.js).
 */
export function ResultPage(props: {
  page: PageInfo;
  event: PublicEventView & { onlineUrl: string | null };
  people: ReceiptPerson[];
  /** The submitter's own manage link. */
  manageUrl: string;
  /** The organisation's branding: the result is shown in the embed too. */
  brand?: PublicBrand;
  calendar: CalendarLinks | null;
  /** The submitter's places in the programme's sessions. */
  sessions?: MyChoice[];
}) {
  const { page, event, people, calendar } = props;
  const { t } = page;
  const [me] = people as [ReceiptPerson];
  const group = people.length > 1;
  const pending = me.status === "pending";
  const heading = pending ? t.resultPending : group ? t.resultGroup : me.status === "confirmed" ? t.resultConfirmed : t.resultWaitlisted;
  const values = { event: event.title, email: me.email, position: me.position ?? "" };
  return (
    <Layout page={page} title={`${heading} – ${event.title}`} noindex brand={props.brand}>
      <h1 data-plats-result="">{heading}</h1>
      <p class={`notice ${me.status === "confirmed" ? "ok" : "wait"}`} role="status">
        {fill(
          pending ? t.resultPendingText : me.status === "confirmed" ? t.resultConfirmedText : event.waitlistMode === "offer" ? t.resultWaitlistedTextOffer : t.resultWaitlistedText,
          values,
        )}
      </p>
      {group ? (
        <section class="card" aria-labelledby="group-title">
          <h2 id="group-title">{t.groupHeading}</h2>
          <table class="people">
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.statusColumn}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>{statusText(t, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">{t.groupMailNote}</p>
        </section>
      ) : null}
      <section class="card" aria-labelledby="event-title">
        <h2 id="event-title">{event.title}</h2>
        <EventFacts event={event} page={page} joinUrl={event.onlineUrl} />
        {props.sessions?.length ? <MySchedule choices={props.sessions} event={event} page={page} headingLevel={3} /> : null}
      </section>
      <section class="card" aria-labelledby="manage-title">
        <h2 id="manage-title">{t.manageHeading}</h2>
        <p>{t.manageText}</p>
        <p>
          <a class="button" href={props.manageUrl} {...outward(page)}>
            {messages(page.lang).manageButton}
            {page.embed ? ` ${t.openInNewTab}` : null}
          </a>
        </p>
        {calendar ? <CalendarLinksList links={calendar} page={page} /> : null}
      </section>
    </Layout>
  );
}
