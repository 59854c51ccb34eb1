import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { RegistrationRow } from "../../../domain/registrations";
import { fill } from "../../../i18n/messages";
import { EventLine, listPath, people } from "./attendeeShared";
import { AdminLayout, wordsFor } from "./layout";

export interface SelectedRow {
  registration: RegistrationRow;
  position: number | null;
}

/**
 * The step before cancelling a selection: who is cancelled (name, email, status), and who
 * is cancelled already and left alone. The ids travel on as hidden fields and are checked
 * again when the form comes back.
 */
export function CancelSelectedPage({ member, orgName, event, rows, live, cols }: { member: Member; orgName: string; event: EventRow; rows: SelectedRow[]; live: number; cols?: string }) {
  const { language } = member;
  const t = wordsFor(member).attendees;
  const c = t.cancelSelected;
  const isLive = (r: RegistrationRow) => r.status !== "cancelled" && r.status !== "expired";
  const going = rows.filter((r) => isLive(r.registration));
  const done = rows.filter((r) => !isLive(r.registration));
  const Line = ({ row }: { row: SelectedRow }) => (
    <li>
      <strong>{row.registration.name}</strong> · {row.registration.email} · {t.status[row.registration.status]}
      {row.position ? fill(t.confirm.inQueue, { n: row.position }) : ""}
    </li>
  );
  return (
    <AdminLayout member={member} orgName={orgName} title={c.title} section="events">
      <EventLine event={event} language={language} />
      <h1>{live ? fill(c.heading, { people: people(live, language) }) : c.title}</h1>
      {going.length ? (
        <ul class="card selected-people">
          {going.map((row) => (
            <Line row={row} />
          ))}
        </ul>
      ) : (
        <p class="notice wait">{c.nothing}</p>
      )}
      {done.length ? (
        <>
          <p>{c.already}</p>
          <ul class="selected-people">
            {done.map((row) => (
              <Line row={row} />
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={`${listPath(event.id)}/selection/cancel/confirm`} class="card">
        {rows.map((row) => (
          <input type="hidden" name="ids" value={row.registration.id} />
        ))}
        {cols !== undefined ? <input type="hidden" name="cols" value={cols} /> : null}
        {live ? <p>{c.text}</p> : null}
        <div class="actions">
          {live ? (
            <button type="submit" class="danger">
              {fill(c.submit, { people: people(live, language) })}
            </button>
          ) : null}
          <a href={listPath(event.id)}>{c.keep}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
