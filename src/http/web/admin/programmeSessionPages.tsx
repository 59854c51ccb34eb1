import type { Member } from "../../../domain/accounts";
import type { EventRow } from "../../../domain/events";
import type { SessionView } from "../../../domain/programme";
import { formatNumber, formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import { workspaceMessages } from "../../../i18n/workspace";
import type { AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary } from "./layout";
import { programmePath, SessionFields, sessionFieldLabel, sessionPath } from "./programmePage";

interface SessionPageProps {
  member: Member;
  orgName: string;
  event: EventRow;
  session: SessionView;
}

/** One session's own form: the same fields as adding one. */
export function SessionEditPage({ member, orgName, event, session, state }: SessionPageProps & { state: AdminFormState }) {
  const language = member.language;
  const t = workspaceMessages(language).programme;
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.editPage.title, { session: session.title })} section="events">
      <div class="page-head">
        <h1>{fill(t.editPage.heading, { session: session.title })}</h1>
        <a href={programmePath(event.id)}>{fill(t.title, { event: event.title })}</a>
      </div>
      <ErrorSummary errors={state.errors} label={sessionFieldLabel(language)} language={language} />
      <form method="post" action={`${sessionPath(session.id)}/edit`} novalidate class="card">
        <SessionFields state={state} event={event} language={language} />
        <div class="actions">
          <button type="submit">{t.editPage.save}</button>
          <a href={programmePath(event.id)}>{t.editPage.cancel}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** Who holds a place in the session and will be told: seats, its waitlist, and wishes waiting for the event's seat. */
export interface SessionPeople {
  confirmed: number;
  waitlisted: number;
  pending: number;
}

/** The step before cancelling a session: how many people will be told, and that it cannot be undone. */
export function SessionCancelPage({ member, orgName, event, session, people }: SessionPageProps & { people: SessionPeople }) {
  const language = member.language;
  const t = workspaceMessages(language).programme;
  const c = t.cancelPage;
  const told = people.confirmed + people.waitlisted + people.pending;
  const n = (v: number) => formatNumber(v, language);
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(c.title, { session: session.title })} section="events">
      <h1>{fill(c.heading, { session: session.title })}</h1>
      <p>
        {event.title}: {formatWhen(new Date(session.startsAt), new Date(session.endsAt), event.timezone, language)}
      </p>
      {session.status === "cancelled" ? (
        <>
          <p class="notice">{c.already}</p>
          <p>
            <a href={programmePath(event.id)}>{fill(t.title, { event: event.title })}</a>
          </p>
        </>
      ) : (
        <form method="post" action={`${sessionPath(session.id)}/cancel`} class="card">
          <p>
            <strong>{fill(plural(language, c.told, told), { n: n(told) })}</strong>{" "}
            {fill(c.counts, { confirmed: n(people.confirmed), waitlisted: n(people.waitlisted), pending: n(people.pending) })} {c.consequences}
          </p>
          <div class="actions">
            <button type="submit" class="danger">
              {c.confirm}
            </button>
            <a href={programmePath(event.id)}>{c.keep}</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
