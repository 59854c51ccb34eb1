import type { Member } from "../../../domain/accounts";
import { BarChart } from "./charts";
import type { ParticipationReport } from "../../../domain/reports";
import { AdminLayout, ErrorSummary } from "./layout";

interface ReportPageProps {
  member: Member;
  orgName: string;
  /** What the form shows: the range asked for, valid or not. */
  from: string;
  to: string;
  report: ParticipationReport | null;
  errors?: Record<string, string>;
}

const exportHref = (name: string, ext: string, r: { from: string; to: string }, sep?: string) =>
  `/admin/reports/${name}.${ext}?${new URLSearchParams({ from: r.from, to: r.to, ...(sep ? { sep } : {}) })}`;

function Downloads({ name, report }: { name: string; report: ParticipationReport }) {
  return (
    <p class="downloads">
      Download: <a href={exportHref(name, "xlsx", report)}>Excel (.xlsx)</a> · <a href={exportHref(name, "csv", report)}>CSV</a> ·{" "}
      <a href={exportHref(name, "csv", report, "semicolon")}>CSV with semicolons (Swedish Excel)</a>
    </p>
  );
}

const Num = ({ n }: { n: number }) => <td class="num">{n}</td>;

const MOST = 10;

/** Participation as pictures: per month, and the organisations that sent the most people. */
function Charts({ report }: { report: ParticipationReport }) {
  const top = report.organisations.slice(0, MOST);
  const series = [
    { label: "Registrations", tone: "accent" as const },
    { label: "Attended", tone: "ok" as const },
  ];
  return (
    <section aria-labelledby="in-pictures">
      <h2 id="in-pictures">In pictures</h2>
      <BarChart
        id="per-month"
        title="Registrations and attendance per month"
        summary={`${report.months.length} months from ${report.from} to ${report.to}: ${report.totals.registrations} registrations, ${report.totals.attended} attended.`}
        series={series}
        rows={report.months.map((m) => ({ label: m.month, values: [m.registrations, m.attended] }))}
      />
      {top.length ? (
        <BarChart
          id="per-organisation"
          title={`The ${top.length === 1 ? "organisation" : `${top.length} organisations`} that sent the most people`}
          summary={top.map((o) => `${o.organisation}: ${o.registrations} registrations, ${o.attended} attended`).join("; ")}
          series={series}
          rows={top.map((o) => ({ label: o.organisation, values: [o.registrations, o.attended] }))}
        />
      ) : null}
    </section>
  );
}

function Organisations({ report }: { report: ParticipationReport }) {
  const t = report.totals;
  return (
    <section aria-labelledby="by-organisation">
      <h2 id="by-organisation">Per organisation</h2>
      <Downloads name="organisations" report={report} />
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col" class="num">People</th>
              <th scope="col" class="num">Registrations</th>
              <th scope="col" class="num">Confirmed</th>
              <th scope="col" class="num">Attended</th>
              <th scope="col" class="num">Events</th>
            </tr>
          </thead>
          <tbody>
            {report.organisations.map((o) => (
              <tr>
                <td>{o.organisation}</td>
                <Num n={o.people} />
                <Num n={o.registrations} />
                <Num n={o.confirmed} />
                <Num n={o.attended} />
                <Num n={o.events} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="totals">
              <th scope="row">Total</th>
              <Num n={t.people} />
              <Num n={t.registrations} />
              <Num n={t.confirmed} />
              <Num n={t.attended} />
              <Num n={t.events} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function People({ report }: { report: ParticipationReport }) {
  const sum = (key: "confirmed" | "attended") => report.people.reduce((n, p) => n + p[key], 0);
  return (
    <section aria-labelledby="by-person">
      <h2 id="by-person">Per person</h2>
      <Downloads name="people" report={report} />
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Organisation</th>
              <th scope="col" class="num">Events registered (confirmed)</th>
              <th scope="col" class="num">Events attended</th>
            </tr>
          </thead>
          <tbody>
            {report.people.map((p) => (
              <tr>
                <td>{p.name}</td>
                <td>{p.email}</td>
                <td>{p.organisation}</td>
                <Num n={p.confirmed} />
                <Num n={p.attended} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="totals">
              <th scope="row" colspan={3}>{`Total: ${report.people.length} people`}</th>
              <Num n={sum("confirmed")} />
              <Num n={sum("attended")} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Summary({ report }: { report: ParticipationReport }) {
  return (
    <>
      <ul class="stats">
        <li>
          <strong>{report.events}</strong> events
        </li>
        <li>
          <strong>{report.totals.people}</strong> people
        </li>
        <li>
          <strong>{report.totals.confirmed}</strong> confirmed
        </li>
        <li>
          <strong>{report.totals.attended}</strong> attended
        </li>
        <li>
          <strong>{report.anonymisedRegistrations}</strong> anonymised registrations
        </li>
      </ul>
      <p class="small">
        Events that start between {report.from} and {report.to} (on each event's own calendar); cancelled events are not counted.
        Registrations are confirmed and waitlisted ones (cancelled registrations left out: {report.cancelledRegistrations}).
        Attended means checked in. Organisations are grouped as people typed them, ignoring case and spaces.
        {report.anonymisedEvents > 0
          ? ` ${report.anonymisedEvents} of the events are past their retention period: their ${report.anonymisedRegistrations} registrations (${report.anonymisedConfirmed} confirmed, ${report.anonymisedAttended} attended) no longer have names. They are in the totals, but in no organisation's or person's line and not among the people counted.`
          : ""}
      </p>
    </>
  );
}

/** Participation across events, for the reports funders ask for. */
export function ReportPage({ member, orgName, from, to, report, errors = {} }: ReportPageProps) {
  return (
    <AdminLayout member={member} orgName={orgName} title="Reports" section="reports">
      <div class="page-head">
        <h1>Participation</h1>
      </div>
      <ErrorSummary errors={errors} />
      <form method="get" action="/admin/reports" class="toolbar report-range">
        <div class="field">
          <label for="f-from">From</label>
          <input type="date" id="f-from" name="from" value={from} aria-invalid={errors.from ? "true" : undefined} />
        </div>
        <div class="field">
          <label for="f-to">To</label>
          <input type="date" id="f-to" name="to" value={to} aria-invalid={errors.to ? "true" : undefined} />
        </div>
        <button type="submit">Show</button>
      </form>
      {report ? (
        <>
          <Summary report={report} />
          <Charts report={report} />
          <Organisations report={report} />
          <People report={report} />
        </>
      ) : null}
    </AdminLayout>
  );
}
