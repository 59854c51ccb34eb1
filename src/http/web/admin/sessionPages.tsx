import type { Member } from "../../../domain/accounts";
import type { SessionListEntry, SessionView } from "../../../domain/programme";
import type { EventRow } from "../../../domain/events";
import type { PrintedAttendee } from "../../../domain/attendees";
import { placeText } from "../../../domain/attendees";
import { formatNumber, formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { deskPath } from "./checkinPages";
import { formatInstant, listPath } from "./attendeeShared";
import { AdminLayout, wordsFor } from "./layout";
import { PrintSheet } from "./printPage";

export const sessionPath = (sessionId: string) => `/admin/sessions/${encodeURIComponent(sessionId)}`;
/** The door of one session: the event's check-in page with the session picked. */
export const sessionDoorPath = (eventId: string, sessionId: string) => `${deskPath(eventId)}?session=${encodeURIComponent(sessionId)}`;

const sessionWhen = (s: SessionView, event: EventRow, member: Member) => formatWhen(new Date(s.startsAt), new Date(s.endsAt), event.timezone, member.language);

/** /admin/sessions/:id: who chose a session, in arrival order, with their place in it and whether they came. */
export function SessionListPage(props: { member: Member; orgName: string; event: EventRow; session: SessionView; registrations: SessionListEntry[] }) {
  const { member, event, session, registrations } = props;
  const { language } = member;
  const t = wordsFor(member).sessionDesk.list;
  const n = (status: SessionListEntry["status"]) => formatNumber(registrations.filter((r) => r.status === status).length, language);
  const checkedIn = formatNumber(registrations.filter((r) => r.status === "confirmed" && r.checkedInAt).length, language);
  return (
    <AdminLayout member={member} orgName={props.orgName} title={fill(t.title, { session: session.title })} section="events">
      <p class="small no-print">
        <a href={listPath(event.id)}>{t.back}</a>
      </p>
      <div class="page-head">
        <h1>{session.title}</h1>
      </div>
      <p class="event-when">
        <strong>{event.title}</strong> · {sessionWhen(session, event, member)}
        {session.venue ? ` · ${session.venue}` : ""}
      </p>
      {session.status === "cancelled" ? <p class="notice wait">{t.cancelled}</p> : null}
      <p>{fill(t.counts, { confirmed: n("confirmed"), checkedIn, waitlisted: n("waitlisted"), pending: n("pending") })}</p>
      <ul class="links no-print">
        <li>
          <a class="button" href={sessionDoorPath(event.id, session.id)}>
            {t.door}
          </a>
        </li>
        <li>
          <a href={`${sessionPath(session.id)}/print`}>{t.print}</a>
        </li>
      </ul>
      {registrations.length === 0 ? (
        <p>{t.nobody}</p>
      ) : (
        <div class="table-wrap">
          <table class="data session-list">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">{t.number}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.organisation}</th>
                <th scope="col">{t.place}</th>
                <th scope="col">{t.checkedIn}</th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r, i) => (
                <tr>
                  <td class="num">{formatNumber(i + 1, language)}</td>
                  <td>{r.name}</td>
                  <td>{r.organisation ?? ""}</td>
                  <td>
                    <span class={`badge ${r.status === "confirmed" ? "" : r.status === "waitlisted" ? "wait" : "info"}`}>
                      {placeText({ status: r.status, position: r.position, checkedInAt: null }, language)}
                    </span>
                  </td>
                  <td>{r.checkedInAt ? formatInstant(new Date(r.checkedInAt), event.timezone, language) : t.notCheckedIn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/**
 * /admin/sessions/:id/print: a session's seat-holders on paper, by last name, with a
 * column to tick or sign; as the event's printed list, the head repeats on every page.
 */
export function SessionPrintPage({ member, orgName, event, session, attendees }: { member: Member; orgName: string; event: EventRow; session: SessionView; attendees: PrintedAttendee[] }) {
  const when = sessionWhen(session, event, member);
  const place = session.venue ?? event.venue ?? "";
  const t = wordsFor(member).sessionDesk.print;
  return (
    <PrintSheet
      member={member}
      orgName={orgName}
      title={fill(t.title, { session: session.title })}
      back={{ href: sessionPath(session.id), label: t.back }}
      heading={session.title}
      subheading={[event.title, when, place].filter(Boolean).join(" · ")}
      repeat={`${session.title} · ${event.title} · ${when}`}
      count={attendees.length}
      countWords={t.count}
      nobody={t.nobody}
      lastColumn={t.tick}
    />
  );
}
