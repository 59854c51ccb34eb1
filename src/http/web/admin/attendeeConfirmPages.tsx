import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { RegistrationRow } from "../../../domain/registrations";
import { EventLine, listPath, people, registrationPath } from "./attendeeShared";
import { AdminLayout } from "./layout";

interface Frame {
  member: Member;
  orgName: string;
  event: EventRow;
  registration: RegistrationRow;
}

/** Who the action is about, so the organiser sees the right person before confirming. */
const Who = ({ registration: r, position }: { registration: RegistrationRow; position?: number | null }) => (
  <dl class="meta card">
    <dt>Name</dt>
    <dd>{r.name}</dd>
    <dt>Email</dt>
    <dd>{r.email}</dd>
    {r.organisation ? (
      <>
        <dt>Organisation</dt>
        <dd>{r.organisation}</dd>
      </>
    ) : null}
    <dt>Status</dt>
    <dd>
      {r.status}
      {position ? `, number ${position} in the queue` : ""}
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
  return (
    <AdminLayout member={member} orgName={orgName} title="Seat beyond capacity?" section="events">
      <EventLine event={event} />
      <h1>Seat beyond capacity?</h1>
      <p class="notice wait">
        The event is full: {confirmed} confirmed of {capacity} seats. Giving {registration.name} a seat now exceeds the
        capacity by {people(beyondBy)}.
      </p>
      <Who registration={registration} position={position} />
      <form method="post" action={registrationPath(event.id, registration.id, "promote")} class="card">
        <input type="hidden" name="override" value="1" />
        <p>
          The seat is recorded as beyond capacity, under your name in the audit log, and {registration.name} gets the
          confirmation email with the calendar invite.
        </p>
        <div class="actions">
          <button type="submit">Seat beyond capacity</button>
          <a href={listPath(event.id)}>Keep them waiting</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** A confirmation step before cancelling on someone's behalf. */
export function CancelConfirmPage({ member, orgName, event, registration, position }: Frame & { position: number | null }) {
  const seated = registration.status === "confirmed";
  return (
    <AdminLayout member={member} orgName={orgName} title="Cancel registration" section="events">
      <EventLine event={event} />
      <h1>Cancel {registration.name}'s registration?</h1>
      <Who registration={registration} position={position} />
      <form method="post" action={registrationPath(event.id, registration.id, "cancel")} class="card">
        <p>
          {registration.name} is told by email
          {seated ? ", their calendar invite is withdrawn, and their seat goes to the first person on the waitlist at once (until the event starts)." : "."}
        </p>
        <div class="actions">
          <button type="submit" class="danger">
            Cancel the registration
          </button>
          <a href={listPath(event.id)}>Keep it</a>
        </div>
      </form>
    </AdminLayout>
  );
}
