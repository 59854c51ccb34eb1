import type { Member } from "../../../domain/accounts";
import type { EventRow } from "../../../domain/events";
import type { RegistrationRow } from "../../../domain/registrations";
import { EventLine, Instant, listPath, registrationPath } from "./attendeeShared";
import type { AdminFormState } from "./fields";
import { Input } from "./fields";
import { AdminLayout, ErrorSummary } from "./layout";

/** "reply by 18 Mar 2027, 10:30" beside an offered person's status, in the event's zone. */
export const OfferDeadline = ({ at, timeZone }: { at: Date; timeZone: string }) => (
  <span class="small nowrap">
    {" "}
    reply by <Instant at={at} timeZone={timeZone} />
  </span>
);

/** An offered row's own actions: a new deadline (a page of its own), or taking the offer back. */
export function OfferActions({ eventId, registration: r }: { eventId: string; registration: RegistrationRow }) {
  return (
    <>
      <a href={registrationPath(eventId, r.id, "offer/extend")} aria-label={`Extend ${r.name}'s offer`}>
        Extend…
      </a>
      <form method="post" action={registrationPath(eventId, r.id, "offer/withdraw")}>
        <button type="submit" class="link" aria-label={`Withdraw ${r.name}'s offer`}>
          Withdraw offer
        </button>
      </form>
    </>
  );
}

/** The new deadline of an offer, entered on the event's own clock. */
export function ExtendOfferPage({
  member,
  orgName,
  event,
  registration: r,
  state,
}: {
  member: Member;
  orgName: string;
  event: EventRow;
  registration: RegistrationRow;
  state: AdminFormState;
}) {
  return (
    <AdminLayout member={member} orgName={orgName} title="Extend the offer" section="events">
      <EventLine event={event} />
      <h1>Extend the offer to {r.name}</h1>
      <p>
        The seat is held for {r.name} ({r.email}) until <Instant at={r.offerExpiresAt} timeZone={event.timezone} />. Choose a new
        deadline, at the latest an hour before the start. They get the offer's email again with it.
      </p>
      <ErrorSummary errors={state.errors} />
      <form method="post" action={registrationPath(event.id, r.id, "offer/extend")} class="card">
        <Input state={state} name="offerExpiresAt" label={`New deadline (${event.timezone})`} type="datetime-local" required />
        <div class="actions">
          <button type="submit">Extend the offer</button>
          <a href={listPath(event.id)}>Back to the list</a>
        </div>
      </form>
    </AdminLayout>
  );
}
