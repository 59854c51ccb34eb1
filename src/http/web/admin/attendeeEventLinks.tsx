import { listIsOpen } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import { listPath } from "./attendeeShared";

/** What an organiser can do with the event from its attendance list. */
export function EventLinks({ event }: { event: EventRow }) {
  const base = listPath(event.id);
  const live = listIsOpen(event);
  return (
    <nav class="event-links no-print" aria-label="This event">
      <ul class="links">
        {live ? (
          <>
            <li>
              <a class="button" href={`${base}/add`}>
                Add attendee
              </a>
            </li>
            <li>
              <a class="button secondary" href={`${base}/message`}>
                Message attendees
              </a>
            </li>
            <li>
              <a href={`${base}/edit`}>Edit event</a>
            </li>
          </>
        ) : null}
        <li>
          <a href={`${base}/duplicate`}>Duplicate</a>
        </li>
        {live ? (
          <li>
            <a href={`${base}/cancel`}>Cancel event</a>
          </li>
        ) : null}
        <li>
          <a href={`${base}/checkin`}>Check-in</a>
        </li>
        <li>
          <a href={`${base}/print`}>Print</a>
        </li>
        <li>
          <a href={`${base}/badges`}>Name badges</a>
        </li>
        <li>
          <a href={`${base}/signups`}>Signups over time</a>
        </li>
        <li>
          <a href={`${base}/attendees.csv`}>CSV</a>
        </li>
        <li>
          <a href={`${base}/attendees.csv?sep=semicolon`}>CSV (semicolon, for Excel)</a>
        </li>
        <li>
          <a href={`${base}/attendees.xlsx`}>Excel</a>
        </li>
      </ul>
    </nav>
  );
}
