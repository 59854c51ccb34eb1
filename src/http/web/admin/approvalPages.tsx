import type { Member } from "../../../domain/accounts";
import type { EventRow } from "../../../domain/events";
import type { RegistrationRow } from "../../../domain/registrations";
import { fill } from "../../../i18n/messages";
import { EventLine, listPath, people } from "./attendeeShared";
import { AdminLayout, wordsFor } from "./layout";

interface SelectedRow {
  registration: RegistrationRow;
  position: number | null;
}

/**
 * The step before approving or declining a selection: the applications it decides, and
 * the rows that are no application (left alone). The ids travel on as hidden fields and
 * are checked again when the form comes back; the seats are decided in that write.
 */
export function ReviewApplicationsPage(p: { member: Member; orgName: string; verdict: "approve" | "decline"; event: EventRow; rows: SelectedRow[]; cols?: string }) {
  const { member, event, rows, verdict } = p;
  const { language } = member;
  const words = wordsFor(member);
  const t = words.access.approval;
  const pending = rows.filter((r) => r.registration.status === "pending");
  const others = rows.filter((r) => r.registration.status !== "pending");
  const title = verdict === "approve" ? t.approveTitle : t.declineTitle;
  const Line = ({ row }: { row: SelectedRow }) => (
    <li>
      <strong>{row.registration.name}</strong> · {row.registration.email} · {words.attendees.status[row.registration.status]}
    </li>
  );
  return (
    <AdminLayout member={member} orgName={p.orgName} title={title} section="events">
      <EventLine event={event} language={language} />
      <h1>{pending.length ? fill(verdict === "approve" ? t.approveHeading : t.declineHeading, { people: people(pending.length, language) }) : title}</h1>
      {pending.length ? (
        <ul class="card selected-people">
          {pending.map((row) => (
            <Line row={row} />
          ))}
        </ul>
      ) : (
        <p class="notice wait">{t.nothing}</p>
      )}
      {others.length ? (
        <>
          <p>{t.notPending}</p>
          <ul class="selected-people">
            {others.map((row) => (
              <Line row={row} />
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={`${listPath(event.id)}/selection/${verdict}/confirm`} class="card">
        {rows.map((row) => (
          <input type="hidden" name="ids" value={row.registration.id} />
        ))}
        {p.cols !== undefined ? <input type="hidden" name="cols" value={p.cols} /> : null}
        {pending.length ? <p>{verdict === "approve" ? t.approveText : t.declineText}</p> : null}
        <div class="actions">
          {pending.length ? (
            <button type="submit" class={verdict === "decline" ? "danger" : undefined}>
              {fill(verdict === "approve" ? t.approveSubmit : t.declineSubmit, { people: people(pending.length, language) })}
            </button>
          ) : null}
          <a href={listPath(event.id)}>{t.keep}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
