import { fill } from "../../../i18n/messages";
import type { EventPage } from "../../../domain/events";
import type { PublicBrand } from "../../../domain/organisations";
import { Layout, type PageInfo } from "../layout";
import { EventFacts } from "./eventPage";
import { OrganiserContact } from "./invitation";

/**
 * The page an invitation's decline link opens: the event and one button. Mail scanners
 * open links, so only the button's POST declines.
 */
export function DeclineInvitationPage(props: { page: PageInfo; data: EventPage; action: string; registerUrl: string }) {
  const { page, data } = props;
  const { t } = page;
  const { event } = data;
  return (
    <Layout page={page} title={`${t.access.declineTitle} – ${event.title}`} noindex brand={data.organisation.brand}>
      <h1>{t.access.declineTitle}</h1>
      <p>{fill(t.access.declineText, { event: event.title })}</p>
      <section class="card" aria-labelledby="event-title">
        <h2 id="event-title">{event.title}</h2>
        <EventFacts event={event} page={page} />
      </section>
      <form method="post" action={props.action} class="actions">
        <button type="submit">{t.access.declineYes}</button>
        <a href={props.registerUrl}>{t.access.declineNo}</a>
      </form>
    </Layout>
  );
}

/** A short page after declining, or for a link that cannot be used: a title, a sentence, whom to ask. */
export function InvitationMessagePage(props: { page: PageInfo; title: string; text: string; brand?: PublicBrand; ok?: boolean }) {
  const { page } = props;
  return (
    <Layout page={page} title={props.title} noindex brand={props.brand}>
      <h1>{props.title}</h1>
      <p class={`notice ${props.ok ? "ok" : "wait"}`} role={props.ok ? "status" : "alert"}>
        {props.text}
      </p>
      {props.brand ? <OrganiserContact brand={props.brand} page={page} /> : null}
    </Layout>
  );
}
