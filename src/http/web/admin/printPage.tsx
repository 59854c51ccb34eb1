import { formatWhen } from "../../../i18n/format";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { PrintedAttendee } from "../../../domain/attendees";
import { fill } from "../../../i18n/messages";
import { AdminLayout, ROWS_SLOT, wordsFor } from "./layout";
import { counted } from "../../../i18n/format";

type Attendee = PrintPageProps["attendees"][number];

/** Rows of the list from number `from` on, rendered a part at a time (see `streamAdmin`). */
export const PrintRows = ({ attendees, from }: { attendees: Attendee[]; from: number }) => (
  <>
    {attendees.map((a, i) => (
      <tr>
        <td class="num">{from + i}</td>
        <td>{a.listName}</td>
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
  attendees: PrintedAttendee[];
}

/**
 * The list people sign at the door. On paper the workspace bar is gone and the table's
 * head (event, date, column names) repeats at the top of every page.
 */
export function PrintPage({ member, orgName, event, attendees }: PrintPageProps) {
  const when = formatWhen(event.startsAt, event.endsAt, event.timezone, member.language);
  const place = [event.venue, event.address].filter(Boolean).join(", ");
  const t = wordsFor(member).checkin.print;
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.title, { event: event.title })} section="events">
      <div class="print-sheet">
        <div class="no-print print-tools">
          <p>
            <a href={`/admin/events/${event.id}`}>{t.back}</a>
          </p>
          <p class="notice">{t.howTo}</p>
        </div>
        <h1>{event.title}</h1>
        <p class="print-when">
          {when}
          {place ? <> · {place}</> : null}
        </p>
        <p class="small">{counted(member.language, t.count, attendees.length)}</p>
        {attendees.length === 0 ? (
          <p>{t.nobody}</p>
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
                  {t.number}
                </th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.organisation}</th>
                <th scope="col">{t.signature}</th>
              </tr>
            </thead>
            <tbody>{ROWS_SLOT}</tbody>
          </table>
        )}
      </div>
    </AdminLayout>
  );
}
