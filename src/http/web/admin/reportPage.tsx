import type { Language } from "../../../db/schema";
import type { Member } from "../../../domain/accounts";
import { BarChart } from "./charts";
import { organisationName, type InvitationLine, type ParticipationReport, type SessionReport } from "../../../domain/reports";
import { SessionReportPart } from "./sessionReportPart";
import { ReportDownloads } from "./reportDownloads";
import { InvitationReportPart } from "./invitationReportPart";
import { fill, localeTag } from "../../../i18n/messages";
import { formatNumber } from "../../../i18n/format";
import { plural } from "../../../i18n/pages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { AdminLayout, ErrorSummary, wordsFor } from "./layout";

interface ReportPageProps {
  member: Member;
  orgName: string;
  /** What the form shows: the range asked for, valid or not. */
  from: string;
  to: string;
  report: ParticipationReport | null;
  /** Attendance per session and hours in sessions (shown when an event of the period has a programme). */
  sessions?: SessionReport | null;
  /** Invited, registered and attended per organisation (shown when an event of the period has invitations). */
  invitations?: InvitationLine[];
  errors?: Record<string, string>;
}

/** What each part of the page needs: the report, the words and the language. */
interface Part {
  report: ParticipationReport;
  t: WorkspaceMessages["records"];
  language: Language;
}


const num = formatNumber;

/** `2027-03-18` as `18 mars 2027`, `18. mars 2027`, `18 March 2027`. */
const day = (iso: string, language: Language, parts: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" }) =>
  new Intl.DateTimeFormat(localeTag[language], { timeZone: "UTC", ...parts }).format(new Date(`${iso}T12:00:00Z`));

/** A month of the report, `2027-03`, as `mars 2027` / `March 2027`. */
const month = (yyyyMm: string, language: Language) => day(`${yyyyMm}-01`, language, { month: "long", year: "numeric" });


const MOST = 10;

/** Participation as pictures: per month, and the organisations that sent the most people. */
function Charts({ report, t, language }: Part) {
  const r = t.reports;
  const c = t.exports.report.columns;
  const top = report.organisations.slice(0, MOST);
  const series = [
    { label: c.registrations, tone: "accent" as const },
    { label: c.attended, tone: "ok" as const },
  ];
  const registrations = (n: number) => plural(language, r.registrations, n);
  return (
    <section aria-labelledby="in-pictures">
      <h2 id="in-pictures">{r.pictures}</h2>
      <BarChart
        id="per-month"
        title={r.perMonthTitle}
        summary={fill(r.perMonthSummary, {
          months: plural(language, r.months, report.months.length),
          from: day(report.from, language),
          to: day(report.to, language),
          registrations: registrations(report.totals.registrations),
          attended: report.totals.attended,
        })}
        series={series}
        rows={report.months.map((m) => ({ label: month(m.month, language), values: [m.registrations, m.attended] }))}
        language={language}
      />
      {top.length ? (
        <BarChart
          id="per-organisation"
          title={plural(language, r.topTitle, top.length)}
          summary={top.map((o) => fill(r.topLine, { organisation: organisationName(o.organisation, language), registrations: registrations(o.registrations), attended: o.attended })).join("; ")}
          series={series}
          rows={top.map((o) => ({ label: organisationName(o.organisation, language), values: [o.registrations, o.attended] }))}
          language={language}
        />
      ) : null}
    </section>
  );
}

function Organisations(part: Part) {
  const { report, t, language } = part;
  const c = t.exports.report.columns;
  const Num = ({ n }: { n: number }) => <td class="num">{num(n, language)}</td>;
  const totals = report.totals;
  return (
    <section aria-labelledby="by-organisation">
      <h2 id="by-organisation">{t.reports.byOrganisation}</h2>
      <ReportDownloads name="organisations" range={part.report} language={part.language} />
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{c.organisation}</th>
              <th scope="col" class="num">{c.people}</th>
              <th scope="col" class="num">{c.registrations}</th>
              <th scope="col" class="num">{c.confirmed}</th>
              <th scope="col" class="num">{c.attended}</th>
              <th scope="col" class="num">{c.events}</th>
            </tr>
          </thead>
          <tbody>
            {report.organisations.map((o) => (
              <tr>
                <td>{organisationName(o.organisation, language)}</td>
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
              <th scope="row">{t.exports.report.total}</th>
              <Num n={totals.people} />
              <Num n={totals.registrations} />
              <Num n={totals.confirmed} />
              <Num n={totals.attended} />
              <Num n={totals.events} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function People(part: Part) {
  const { report, t, language } = part;
  const c = t.exports.report.columns;
  const Num = ({ n }: { n: number }) => <td class="num">{num(n, language)}</td>;
  const sum = (key: "confirmed" | "attended") => report.people.reduce((n, p) => n + p[key], 0);
  return (
    <section aria-labelledby="by-person">
      <h2 id="by-person">{t.reports.byPerson}</h2>
      <ReportDownloads name="people" range={part.report} language={part.language} />
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{c.name}</th>
              <th scope="col">{c.email}</th>
              <th scope="col">{c.organisation}</th>
              <th scope="col" class="num">{c.eventsConfirmed}</th>
              <th scope="col" class="num">{c.eventsAttended}</th>
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
              <th scope="row" colspan={3}>{plural(language, t.exports.report.totalPeople, report.people.length)}</th>
              <Num n={sum("confirmed")} />
              <Num n={sum("attended")} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Summary({ report, t, language }: Part) {
  const r = t.reports;
  const Stat = ({ n, words }: { n: number; words: { one: string; other: string } }) => (
    <li>
      <strong>{num(n, language)}</strong> {plural(language, words, n)}
    </li>
  );
  return (
    <>
      <ul class="stats">
        <Stat n={report.events} words={r.stats.events} />
        <Stat n={report.totals.people} words={r.stats.people} />
        <Stat n={report.totals.confirmed} words={r.stats.confirmed} />
        <Stat n={report.totals.attended} words={r.stats.attended} />
        <Stat n={report.anonymisedRegistrations} words={r.stats.anonymised} />
      </ul>
      <p class="small">
        {fill(r.explained, { from: day(report.from, language), to: day(report.to, language), cancelled: report.cancelledRegistrations })}
        {report.anonymisedEvents > 0
          ? fill(r.anonymisedExplained, {
              events: report.anonymisedEvents,
              registrations: plural(language, r.registrations, report.anonymisedRegistrations),
              confirmed: report.anonymisedConfirmed,
              attended: report.anonymisedAttended,
            })
          : ""}
      </p>
    </>
  );
}

/** Participation across events, for the reports funders ask for. */
export function ReportPage({ member, orgName, from, to, report, sessions, invitations, errors = {} }: ReportPageProps) {
  const t = wordsFor(member).records;
  const r = t.reports;
  const language = member.language;
  return (
    <AdminLayout member={member} orgName={orgName} title={r.title} section="reports">
      <div class="page-head">
        <h1>{r.heading}</h1>
      </div>
      <ErrorSummary errors={errors} language={language} />
      <form method="get" action="/admin/reports" class="toolbar report-range">
        <div class="field">
          <label for="f-from">{r.from}</label>
          <input type="date" id="f-from" name="from" value={from} aria-invalid={errors.from ? "true" : undefined} />
        </div>
        <div class="field">
          <label for="f-to">{r.to}</label>
          <input type="date" id="f-to" name="to" value={to} aria-invalid={errors.to ? "true" : undefined} />
        </div>
        <button type="submit">{r.show}</button>
      </form>
      {report ? (
        <>
          <Summary report={report} t={t} language={language} />
          <Charts report={report} t={t} language={language} />
          <Organisations report={report} t={t} language={language} />
          <People report={report} t={t} language={language} />
          {sessions ? <SessionReportPart report={sessions} language={language} /> : null}
          {invitations?.length ? <InvitationReportPart lines={invitations} language={language} /> : null}
        </>
      ) : null}
    </AdminLayout>
  );
}
