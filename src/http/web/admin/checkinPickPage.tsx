import type { EventWithCounts } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import { formatWhen } from "../../../i18n/format";
import { deskPath } from "./checkinPages";
import { counted } from "../../../i18n/format";
import { AdminLayout, wordsFor } from "./layout";
import type { SessionView } from "../../../domain/programme";
import { sessionTime, withSession } from "./checkinSessionParts";

function EventList({ rows, language, sessions }: { rows: EventWithCounts[]; language: Language; sessions?: Map<string, readonly SessionView[]> }) {
  const t = wordsFor({ language }).checkin;
  const s = wordsFor({ language }).sessionDesk.door;
  return (
    <ul class="checkin-events">
      {rows.map(({ event, confirmed }) => {
        const own = sessions?.get(event.id) ?? [];
        return (
          <li>
            <a href={deskPath(event.id)}>
              <strong>{event.title}</strong>
              <span class="small">{formatWhen(event.startsAt, event.endsAt, event.timezone, language)}</span>
              <span class="small">{counted(language, t.pick.confirmed, confirmed)}</span>
            </a>
            {/* An event with a programme: each session's own door, beside the whole event's. */}
            {own.length ? (
              <ul class="sessions" aria-label={`${s.sessions}: ${event.title}`}>
                {own.map((session) => (
                  <li>
                    <a href={withSession(deskPath(event.id), session)}>
                      <strong>{session.title}</strong>
                      <span class="small">{sessionTime(session, event, language)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** /admin/checkin: which event is at the door now. */
export function CheckinPickPage(props: {
  member: Member;
  orgName: string;
  current: EventWithCounts[];
  past: EventWithCounts[];
  /** The sessions of current events with a programme, by event. */
  sessions?: Map<string, readonly SessionView[]>;
}) {
  const { language } = props.member;
  const t = wordsFor(props.member).checkin;
  return (
    <AdminLayout member={props.member} orgName={props.orgName} title={t.title} section="checkin">
      <h1>{t.title}</h1>
      <h2>{t.pick.current}</h2>
      {props.current.length ? <EventList rows={props.current} language={language} sessions={props.sessions} /> : <p>{t.pick.noCurrent}</p>}
      <h2>{t.pick.past}</h2>
      {props.past.length ? <EventList rows={props.past} language={language} /> : <p>{t.pick.noPast}</p>}
    </AdminLayout>
  );
}
