import { formatWhen } from "../../../i18n/format";
import { isEditable, type EventWithCounts } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import { AdminLayout } from "./layout";

/** The confirmation step before cancelling: who will be told, and that it cannot be undone. */
export function CancelEventPage({ member, orgName, row }: { member: Member; orgName: string; row: EventWithCounts }) {
  const e = row.event;
  const told = row.confirmed + row.offered + row.waitlisted;
  return (
    <AdminLayout member={member} orgName={orgName} title={`Cancel: ${e.title}`} section="events">
      <h1>Cancel “{e.title}”?</h1>
      <p>{formatWhen(e.startsAt, e.endsAt, e.timezone, "en")}</p>
      {!isEditable(e) ? (
        <p class="notice">This event is already cancelled.</p>
      ) : (
        <form method="post" class="card">
          <p>
            <strong>
              {told === 1 ? "1 person" : `${told} people`} will be told by email
            </strong>{" "}
            ({row.confirmed} confirmed, {row.waitlisted} on the waitlist). Confirmed attendees' calendar entries are withdrawn.
            The event page stops taking signups. This cannot be undone.
          </p>
          <div class="actions">
            <button type="submit" class="danger">
              Cancel the event and tell {told === 1 ? "1 person" : `${told} people`}
            </button>
            <a href={`/admin/events/${e.id}`}>Keep it</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
