import type { Language } from "../../../db/schema";
import { organisationName, type SessionReport } from "../../../domain/reports";
import { formatNumber, formatWhen } from "../../../i18n/format";
import { workspaceMessages } from "../../../i18n/workspace";
import { ReportDownloads } from "./reportDownloads";
import { sessionPath } from "./sessionPages";

/**
 * The reports page's part for programmes: attendance per session, and hours in sessions
 * per company and per person. Shown only when an event of the period has a programme.
 */
export function SessionReportPart({ report, language }: { report: SessionReport; language: Language }) {
  if (!report.sessions.length) return null;
  const t = workspaceMessages(language).sessionDesk.reports;
  const c = t.columns;
  const num = (n: number) => <td class="num">{formatNumber(n, language)}</td>;
  return (
    <>
      <section aria-labelledby="per-session">
        <h2 id="per-session">{t.sessionsHeading}</h2>
        <p class="small">{t.sessionsExplained}</p>
        <ReportDownloads name="sessions" range={report} language={language} />
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{c.session}</th>
                <th scope="col">{c.event}</th>
                <th scope="col">{c.startsAt}</th>
                <th scope="col" class="num">{c.length}</th>
                <th scope="col" class="num">{c.seats}</th>
                <th scope="col" class="num">{c.checkedIn}</th>
              </tr>
            </thead>
            <tbody>
              {report.sessions.map((s) => (
                <tr>
                  <td>
                    <a href={sessionPath(s.id)}>{s.title}</a>
                  </td>
                  <td>{s.eventTitle}</td>
                  <td>{formatWhen(s.startsAt, s.endsAt, s.timezone, language)}</td>
                  {num(s.hours)}
                  {num(s.seats)}
                  {num(s.checkedIn)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="session-hours">
        <h2 id="session-hours">{t.hoursHeading}</h2>
        <p class="small">{t.hoursExplained}</p>
        {report.people.length === 0 ? (
          <p>{t.nobody}</p>
        ) : (
          <>
            <h3 id="hours-by-organisation">{t.byOrganisation}</h3>
            <ReportDownloads name="hours-organisations" range={report} language={language} />
            <div class="table-wrap">
              <table class="data" aria-labelledby="hours-by-organisation">
                <thead>
                  <tr>
                    <th scope="col">{c.organisation}</th>
                    <th scope="col" class="num">{c.people}</th>
                    <th scope="col" class="num">{c.sessions}</th>
                    <th scope="col" class="num">{c.hours}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.organisations.map((o) => (
                    <tr>
                      <td>{organisationName(o.organisation, language)}</td>
                      {num(o.people)}
                      {num(o.sessions)}
                      {num(o.hours)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr class="totals">
                    <th scope="row" colspan={3}>{t.total}</th>
                    {num(report.totalHours)}
                  </tr>
                </tfoot>
              </table>
            </div>
            <h3 id="hours-by-person">{t.byPerson}</h3>
            <ReportDownloads name="hours-people" range={report} language={language} />
            <div class="table-wrap">
              <table class="data" aria-labelledby="hours-by-person">
                <thead>
                  <tr>
                    <th scope="col">{c.name}</th>
                    <th scope="col">{c.email}</th>
                    <th scope="col">{c.organisation}</th>
                    <th scope="col" class="num">{c.sessions}</th>
                    <th scope="col" class="num">{c.hours}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.people.map((p) => (
                    <tr>
                      <td>{p.name}</td>
                      <td>{p.email}</td>
                      <td>{p.organisation}</td>
                      {num(p.sessions)}
                      {num(p.hours)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
