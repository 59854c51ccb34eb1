import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { RegistrationRow } from "../../../domain/registrations";
import { fill } from "../../../i18n/messages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { EventLine, listPath, people, registrationPath } from "./attendeeShared";
import { formatNumber as number } from "../../../i18n/format";
import { AdminLayout, wordsFor } from "./layout";

interface Frame {
  member: Member;
  orgName: string;
  event: EventRow;
  registration: RegistrationRow;
}

/** Who the action is about, so the organiser sees the right person before confirming. */
const Who = ({ registration: r, position, t }: { registration: RegistrationRow; position?: number | null; t: WorkspaceMessages["attendees"] }) => (
  <dl class="meta card">
    <dt>{t.table.columns.name}</dt>
    <dd>{r.name}</dd>
    <dt>{t.table.columns.email}</dt>
    <dd>{r.email}</dd>
    {r.organisation ? (
      <>
        <dt>{t.table.columns.organisation}</dt>
        <dd>{r.organisation}</dd>
      </>
    ) : null}
    <dt>{t.table.columns.status}</dt>
    <dd>
      {t.status[r.status]}
      {position ? fill(t.confirm.inQueue, { n: position }) : ""}
    </dd>
  </dl>
);

/**
 * The event is full: promoting this person means a seat beyond capacity. Shown instead of
 * promoting, so the override is always a second, deliberate step.
 */
export function PromoteOverridePage({
  member,
  orgName,
  event,
  registration,
  position,
  confirmed,
  capacity,
  beyondBy,
}: Frame & { position: number | null; confirmed: number; capacity: number; beyondBy: number }) {
  const { language } = member;
  const t = wordsFor(member).attendees;
  const name = registration.name;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.confirm.overTitle} section="events">
      <EventLine event={event} language={language} />
      <h1>{t.confirm.overTitle}</h1>
      <p class="notice wait">
        {fill(t.confirm.overFull, { confirmed: number(confirmed, language), capacity: number(capacity, language), name, people: people(beyondBy, language) })}
      </p>
      <Who registration={registration} position={position} t={t} />
      <form method="post" action={registrationPath(event.id, registration.id, "promote")} class="card">
        <input type="hidden" name="override" value="1" />
        <p>{fill(t.confirm.overText, { name })}</p>
        <div class="actions">
          <button type="submit">{t.confirm.overSubmit}</button>
          <a href={listPath(event.id)}>{t.confirm.overKeep}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** A confirmation step before cancelling on someone's behalf. */
export function CancelConfirmPage({ member, orgName, event, registration, position }: Frame & { position: number | null }) {
  const seated = registration.status === "confirmed";
  const t = wordsFor(member).attendees;
  const name = registration.name;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.confirm.cancelTitle} section="events">
      <EventLine event={event} language={member.language} />
      <h1>{fill(t.confirm.cancelHeading, { name })}</h1>
      <Who registration={registration} position={position} t={t} />
      <form method="post" action={registrationPath(event.id, registration.id, "cancel")} class="card">
        <p>{fill(seated ? t.confirm.cancelTextSeated : t.confirm.cancelText, { name })}</p>
        <div class="actions">
          <button type="submit" class="danger">
            {t.confirm.cancelSubmit}
          </button>
          <a href={listPath(event.id)}>{t.confirm.cancelKeep}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
