import type { Member } from "../../../domain/accounts";
import type { SignupCurve } from "../../../domain/attendees";
import { EventLine, listPath } from "./attendeeShared";
import { LineChart } from "./charts";
import { AdminLayout } from "./layout";

/** How an event filled, day by day on its own calendar, against its capacity. */
export function SignupsPage({ member, orgName, curve }: { member: Member; orgName: string; curve: SignupCurve }) {
  const { event, days } = curve;
  const confirmed = curve.confirmed.at(-1) ?? 0;
  const waitlisted = curve.waitlisted.at(-1) ?? 0;
  const summary = days.length
    ? `From ${days[0]} to ${days.at(-1)}: ${confirmed} confirmed of ${event.capacity} seats and ${waitlisted} waitlisted, by the day they signed up.`
    : "Nobody has signed up yet.";
  return (
    <AdminLayout member={member} orgName={orgName} title={`Signups over time: ${event.title}`} section="events">
      <h1>Signups over time</h1>
      <EventLine event={event} />
      <p class="hint">Those confirmed or waiting now, by the day they signed up (on the event's own calendar); cancellations are left out.</p>
      {days.length ? (
        <LineChart
          id="signups"
          title={`Signups to ${event.title}`}
          summary={summary}
          series={[
            { label: "Confirmed", tone: "ok" },
            { label: "Waitlisted", tone: "wait" },
          ]}
          days={days}
          values={[curve.confirmed, curve.waitlisted]}
          level={{ label: `Capacity (${event.capacity})`, value: event.capacity }}
        />
      ) : (
        <p>{summary}</p>
      )}
      <p>
        <a href={listPath(event.id)}>Back to the attendance list</a>
      </p>
    </AdminLayout>
  );
}
