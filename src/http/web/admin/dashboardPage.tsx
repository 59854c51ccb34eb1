import { formatWhen } from "../../../i18n/format";
import { isEditable, type DashboardEvent } from "../../../domain/events";
import { doorIsOpen } from "../../../domain/checkin";
import type { Member } from "../../../domain/accounts";
import { AdminLayout, Notice } from "./layout";
import { HeldWarning } from "./mailPage";
import { BarChart } from "./charts";

function Status({ e }: { e: DashboardEvent }) {
  const s = e.event.status;
  if (s === "cancelled") return <span class="badge bad">Cancelled</span>;
  if (s === "draft") return <span class="badge wait">Draft</span>;
  // A full event is the organiser's success, and looks like it.
  if (e.confirmed + e.offered >= e.event.capacity) return <span class="badge">Full</span>;
  return <span class="badge info">Open</span>;
}

type Period = "running" | "upcoming" | "past";

const none: Record<Period, string> = {
  running: "",
  upcoming: "No upcoming events. Create one to open signups.",
  past: "No past events yet.",
};

/** One period's events; on a phone each row is a card whose cells name their column. */
function EventTable({ rows, period }: { rows: DashboardEvent[]; period: Period }) {
  if (!rows.length) return <p>{none[period]}</p>;
  const past = period === "past";
  return (
    <div class="table-wrap">
      <table class="data cards">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">When</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Confirmed
            </th>
            <th scope="col">Filled</th>
            <th scope="col" class="num">
              Waitlist
            </th>
            {past ? (
              <th scope="col" class="num">
                Attended
              </th>
            ) : null}
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const e = row.event;
            const percent = Math.round(row.fill * 100);
            return (
              <tr>
                <td data-label="Event">
                  <a href={`/admin/events/${e.id}`}>{e.title}</a>
                </td>
                <td data-label="When">{formatWhen(e.startsAt, e.endsAt, e.timezone, "en")}</td>
                <td data-label="Status">
                  <Status e={row} />
                </td>
                <td class="num" data-label="Confirmed">
                  {row.confirmed} / {e.capacity}
                </td>
                <td data-label="Filled">
                  {/* A meter, not a styled bar: the CSP allows no inline styles. */}
                  <meter min={0} max={100} value={percent} low={50} high={90} optimum={100} aria-label={`${e.title}: ${percent}% full`}></meter>{" "}
                  {percent}%
                </td>
                <td class="num" data-label="Waitlist">
                  {e.waitlist ? row.waitlisted : "—"}
                </td>
                {past ? (
                  <td class="num" data-label="Attended">
                    {row.checkedIn}
                  </td>
                ) : null}
                <td data-label="Actions">
                  <ul class="links">
                    <li>
                      <a href={`/admin/events/${e.id}`}>Attendees</a>
                    </li>
                    {isEditable(e) ? (
                      <li>
                        <a href={`/admin/events/${e.id}/edit`}>Edit</a>
                      </li>
                    ) : null}
                    <li>
                      <a href={`/admin/events/${e.id}/duplicate`}>Duplicate</a>
                    </li>
                    {period !== "past" && doorIsOpen(e) ? (
                      <li>
                        <a href={`/admin/events/${e.id}/checkin`}>Check-in</a>
                      </li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function DashboardPage(p: {
  member: Member;
  orgName: string;
  running: DashboardEvent[];
  upcoming: DashboardEvent[];
  past: DashboardEvent[];
  morePast: boolean;
  notice?: string;
  /** While the mail server refuses the service's mail settings (the reason is in the server log). */
  mailHeld?: { since: string; until: string } | null;
  /** Failed emails of the organisation, shown to owners (who can send them again). */
  failedMail?: number;
}) {
  const current = [...p.running, ...p.upcoming];
  const waiting = current.reduce((n, e) => n + e.waitlisted, 0);
  const seats = current.reduce((n, e) => n + e.confirmed, 0);
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title="Events" section="events">
      <div class="page-head">
        <h1>Events</h1>
        <a class="button" href="/admin/events/new">
          New event
        </a>
      </div>
      <Notice text={p.notice} />
      <HeldWarning held={p.mailHeld ?? null} />
      {p.failedMail ? (
        <p class="notice bad">
          {p.failedMail === 1 ? "1 email" : `${p.failedMail} emails`} could not be delivered. <a href="/admin/mail">See why and send again</a>
        </p>
      ) : null}
      <ul class="stats" aria-label="Events now and to come in numbers">
        {p.running.length ? (
          <li>
            <strong>{p.running.length}</strong> happening now
          </li>
        ) : null}
        <li>
          <strong>{p.upcoming.length}</strong> upcoming events
        </li>
        <li>
          <strong>{seats}</strong> confirmed attendees
        </li>
        <li>
          <strong>{waiting}</strong> on waitlists
        </li>
      </ul>
      {current.length ? (
        <BarChart
          id="fill-rates"
          title="How full the events now and to come are"
          summary={`${current.length} events; ${current.filter((e) => e.fill >= 1).length} of them full.`}
          series={[{ label: "Seats filled", tone: "ok" }]}
          rows={current.slice(0, 12).map((e) => ({ label: e.event.title, values: [Math.round(e.fill * 100)] }))}
          max={100}
          unit="%"
        />
      ) : null}
      {p.running.length ? (
        <>
          <h2>Happening now</h2>
          <EventTable rows={p.running} period="running" />
        </>
      ) : null}
      <h2 class={p.running.length ? "spaced" : undefined}>Upcoming</h2>
      <EventTable rows={p.upcoming} period="upcoming" />
      <h2 class="spaced">Past</h2>
      <EventTable rows={p.past} period="past" />
      {p.morePast ? (
        <p>
          <a href="/admin?past=all">Show all past events</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
