import { formatWhen } from "../../../i18n/format";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import { AdminLayout, ROWS_SLOT } from "./layout";

type Attendee = PrintPageProps["attendees"][number];

/** Rows of the list from number `from` on, rendered a part at a time (see `streamAdmin`). */
export const PrintRows = ({ attendees, from }: { attendees: Attendee[]; from: number }) => (
  <>
    {attendees.map((a, i) => (
      <tr>
        <td class="num">{from + i}</td>
        <td>{a.name}</td>
        <td>{a.organisation}</td>
        <td class="signature"></td>
      </tr>
    ))}
  </>
);

interface PrintPageProps {
  member: Member;
  orgName: string;
  event: EventRow;
  attendees: { id: string; name: string; organisation: string }[];
}

/**
 * The list people sign at the door. On paper the workspace bar is gone and the table's
 * head (event, date, column names) repeats at the top of every page.
 */
export function PrintPage({ member, orgName, event, attendees }: PrintPageProps) {
  const when = formatWhen(event.startsAt, event.endsAt, event.timezone, "en");
  const place = [event.venue, event.address].filter(Boolean).join(", ");
  return (
    <AdminLayout member={member} orgName={orgName} title={`Print: ${event.title}`} section="events">
      <div class="print-sheet">
        <div class="no-print print-tools">
          <p>
            <a href={`/admin/events/${event.id}`}>Back to the attendance list</a>
          </p>
          <p class="notice">Use your browser's Print (Ctrl+P, or Cmd+P on a Mac) to print this list or save it as PDF.</p>
        </div>
        <h1>{event.title}</h1>
        <p class="print-when">
          {when}
          {place ? <> · {place}</> : null}
        </p>
        <p class="small">{`${attendees.length} confirmed ${attendees.length === 1 ? "attendee" : "attendees"}`}</p>
        {attendees.length === 0 ? (
          <p>Nobody has a confirmed seat yet.</p>
        ) : (
          <table class="print-list">
            <colgroup>
              <col class="num" />
              <col class="name" />
              <col class="org" />
              <col class="signature" />
            </colgroup>
            <thead>
              <tr class="print-repeat">
                <th colspan={4}>
                  {event.title} · {when}
                  {place ? <> · {place}</> : null}
                </th>
              </tr>
              <tr>
                <th scope="col" class="num">
                  #
                </th>
                <th scope="col">Name</th>
                <th scope="col">Organisation</th>
                <th scope="col">Signature</th>
              </tr>
            </thead>
            <tbody>{ROWS_SLOT}</tbody>
          </table>
        )}
      </div>
    </AdminLayout>
  );
}
