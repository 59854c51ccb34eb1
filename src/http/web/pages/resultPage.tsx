import type { CalendarLinks } from "../../../calendar/links";
import { fill, messages } from "../../../i18n/messages";
import type { PageMessages } from "../../../i18n/pages";
import type { RegistrationResult } from "../../../domain/signup";
import type { PublicEventView } from "../../../domain/events";
import type { PublicBrand } from "../../../domain/organisations";
import { Layout, type PageInfo } from "../layout";
import { EventFacts } from "./eventPage";

export interface Placed {
  name: string;
  email: string;
  /** null: neither a seat nor a waitlist place was left for this person. */
  result: RegistrationResult | null;
}

export function statusText(t: PageMessages, r: Pick<RegistrationResult, "status" | "position"> | null) {
  if (!r) return t.statusRefused;
  return r.status === "confirmed" ? t.statusConfirmed : fill(t.statusWaitlisted, { position: r.position ?? "" });
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

/** After a signup: each person's status, the submitter's own link, and calendar links once confirmed. */
export function ResultPage(props: {
  page: PageInfo;
  event: PublicEventView & { onlineUrl: string | null };
  placed: Placed[];
  /** The organisation's branding: the result is shown in the embed too. */
  brand?: PublicBrand;
  calendar: CalendarLinks | null;
}) {
  const { page, event, placed, calendar } = props;
  const { t } = page;
  const [me] = placed as [Placed];
  const group = placed.length > 1;
  const heading = group ? t.resultGroup : me.result?.status === "confirmed" ? t.resultConfirmed : t.resultWaitlisted;
  const values = { event: event.title, email: me.email, position: me.result?.position ?? "" };
  return (
    <Layout page={page} title={`${heading} – ${event.title}`} noindex brand={props.brand}>
      <h1>{heading}</h1>
      {me.result ? (
        <p class={`notice ${me.result.status === "confirmed" ? "ok" : "wait"}`} role="status">
          {fill(me.result.status === "confirmed" ? t.resultConfirmedText : event.waitlistMode === "offer" ? t.resultWaitlistedTextOffer : t.resultWaitlistedText, values)}
        </p>
      ) : null}
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
              {placed.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>{statusText(t, p.result)}</td>
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
      </section>
      {me.result ? (
        <section class="card" aria-labelledby="manage-title">
          <h2 id="manage-title">{t.manageHeading}</h2>
          <p>{t.manageText}</p>
          <p>
            <a class="button" href={me.result.manageUrl} {...outward(page)}>
              {messages(page.lang).manageButton}
              {page.embed ? ` ${t.openInNewTab}` : null}
            </a>
          </p>
          {calendar ? <CalendarLinksList links={calendar} page={page} /> : null}
        </section>
      ) : null}
    </Layout>
  );
}
