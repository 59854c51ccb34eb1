import type { Language } from "../../../db/schema";
import { listIsOpen } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import { workspaceMessages } from "../../../i18n/workspace";
import { listPath } from "./attendeeShared";
import { PublicLink } from "./publicLink";

/** What an organiser can do with the event from its attendance list. */
export function EventLinks({ event, language, publicUrl }: { event: EventRow; language: Language; publicUrl: string }) {
  const base = listPath(event.id);
  const live = listIsOpen(event);
  const t = workspaceMessages(language).attendees.links;
  return (
    <nav class="event-links no-print" aria-label={t.label}>
      <p class="event-public">
        <PublicLink event={event} publicUrl={publicUrl} language={language} /> ·{" "}
        <a href={`${base}/share`}>{workspaceMessages(language).events.share.share}</a>
      </p>
      <ul class="links">
        {live ? (
          <>
            <li>
              <a class="button" href={`${base}/add`}>
                {t.add}
              </a>
            </li>
            <li>
              <a class="button secondary" href={`${base}/message`}>
                {t.message}
              </a>
            </li>
            <li>
              <a href={`${base}/edit`}>{t.edit}</a>
            </li>
            <li>
              <a href={`${base}/emails`}>{workspaceMessages(language).events.emails.link}</a>
            </li>
          </>
        ) : null}
        {event.access === "invitation" || live ? (
          <li>
            <a href={`${base}/invitations`}>{workspaceMessages(language).access.link}</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/programme`}>{workspaceMessages(language).programme.link}</a>
        </li>
        <li>
          <a href={`${base}/duplicate`}>{t.duplicate}</a>
        </li>
        {live ? (
          <li>
            <a href={`${base}/cancel`}>{t.cancel}</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/checkin`}>{t.checkin}</a>
        </li>
        <li>
          <a href={`${base}/print`}>{t.print}</a>
        </li>
        <li>
          <a href={`${base}/badges`}>{t.badges}</a>
        </li>
        <li>
          <a href={`${base}/signups`}>{t.signups}</a>
        </li>
        <li>
          <a href={`${base}/attendees.csv`}>{t.csv}</a>
        </li>
        <li>
          <a href={`${base}/attendees.csv?sep=semicolon`}>{t.csvSemicolon}</a>
        </li>
        <li>
          <a href={`${base}/attendees.xlsx`}>{t.excel}</a>
        </li>
      </ul>
    </nav>
  );
}
