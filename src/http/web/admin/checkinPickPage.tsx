import type { EventWithCounts } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import { formatWhen } from "../../../i18n/format";
import { deskPath } from "./checkinPages";
import { counted } from "../../../i18n/format";
import { AdminLayout, wordsFor } from "./layout";

function EventList({ rows, language }: { rows: EventWithCounts[]; language: Language }) {
  const t = wordsFor({ language }).checkin;
  return (
    <ul class="checkin-events">
      {rows.map(({ event, confirmed }) => (
        <li>
          <a href={deskPath(event.id)}>
            <strong>{event.title}</strong>
            <span class="small">{formatWhen(event.startsAt, event.endsAt, event.timezone, language)}</span>
            <span class="small">{counted(language, t.pick.confirmed, confirmed)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** /admin/checkin: which event is at the door now. */
export function CheckinPickPage(props: { member: Member; orgName: string; current: EventWithCounts[]; past: EventWithCounts[] }) {
  const { language } = props.member;
  const t = wordsFor(props.member).checkin;
  return (
    <AdminLayout member={props.member} orgName={props.orgName} title={t.title} section="checkin">
      <h1>{t.title}</h1>
      <h2>{t.pick.current}</h2>
      {props.current.length ? <EventList rows={props.current} language={language} /> : <p>{t.pick.noCurrent}</p>}
      <h2>{t.pick.past}</h2>
      {props.past.length ? <EventList rows={props.past} language={language} /> : <p>{t.pick.noPast}</p>}
    </AdminLayout>
  );
}
