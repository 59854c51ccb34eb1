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
 * A list people sign or tick at the door, on paper: the workspace bar is gone and the
 * table's head (what it is, when, the column names) repeats at the top of every page. The
 * rows are streamed into ROWS_SLOT (see `streamAdmin`). Shared by the event's list and a
 * session's.
 */
export function PrintSheet(props: {
  member: Member;
  orgName: string;
  title: string;
  back: { href: string; label: string };
  heading: string;
  /** Under the heading: when and where. */
  subheading: string;
  /** The head repeated on every page. */
  repeat: string;
  count: number;
  /** How many are listed ("{n} people"), and what the sheet says when nobody is. */
  countWords: Parameters<typeof counted>[1];
  nobody: string;
  /** The last column's name: a signature, or a tick. */
  lastColumn: string;
}) {
  const { member, count } = props;
  const t = wordsFor(member).checkin.print;
  return (
    <AdminLayout member={member} orgName={props.orgName} title={props.title} section="events">
      <div class="print-sheet">
        <div class="no-print print-tools">
          <p>
            <a href={props.back.href}>{props.back.label}</a>
          </p>
          <p class="notice">{t.howTo}</p>
        </div>
        <h1>{props.heading}</h1>
        <p class="print-when">{props.subheading}</p>
        <p class="small">{counted(member.language, props.countWords, count)}</p>
        {count === 0 ? (
          <p>{props.nobody}</p>
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
                <th colspan={4}>{props.repeat}</th>
              </tr>
              <tr>
                <th scope="col" class="num">
                  {t.number}
                </th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.organisation}</th>
                <th scope="col">{props.lastColumn}</th>
              </tr>
            </thead>
            <tbody>{ROWS_SLOT}</tbody>
          </table>
        )}
      </div>
    </AdminLayout>
  );
}

/** The event's list people sign at the door. */
export function PrintPage({ member, orgName, event, attendees }: PrintPageProps) {
  const when = formatWhen(event.startsAt, event.endsAt, event.timezone, member.language);
  const place = [event.venue, event.address].filter(Boolean).join(", ");
  const t = wordsFor(member).checkin.print;
  return (
    <PrintSheet
      member={member}
      orgName={orgName}
      title={fill(t.title, { event: event.title })}
      back={{ href: `/admin/events/${event.id}`, label: t.back }}
      heading={event.title}
      subheading={place ? `${when} · ${place}` : when}
      repeat={`${event.title} · ${place ? `${when} · ${place}` : when}`}
      count={attendees.length}
      countWords={t.count}
      nobody={t.nobody}
      lastColumn={t.signature}
    />
  );
}
