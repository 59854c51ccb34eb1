import { formatWhen } from "../../../i18n/format";
import { fill, localeTag } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { isEditable, type DashboardEvent } from "../../../domain/events";
import { doorIsOpen } from "../../../domain/checkin";
import type { Member } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import { AdminLayout, Notice, wordsFor } from "./layout";
import { HeldWarning } from "./mailPage";
import { BarChart } from "./charts";
import { PublicLink } from "./publicLink";

type Words = WorkspaceMessages["events"];

function Status({ e, t }: { e: DashboardEvent; t: Words }) {
  const s = e.event.status;
  if (s === "cancelled") return <span class="badge bad">{t.status.cancelled}</span>;
  if (s === "draft") return <span class="badge wait">{t.status.draft}</span>;
  // A full event is the organiser's success, and looks like it.
  if (e.confirmed + e.offered >= e.event.capacity) return <span class="badge">{t.status.full}</span>;
  return <span class="badge info">{t.status.open}</span>;
}

type Period = "running" | "upcoming" | "past";

/** One period's events; on a phone each row is a card whose cells name their column. */
function EventTable({ rows, period, language, publicUrl }: { rows: DashboardEvent[]; period: Period; language: Language; publicUrl: string }) {
  const t = wordsFor({ language }).events;
  const d = t.dashboard;
  if (!rows.length) return <p>{d.none[period]}</p>;
  const past = period === "past";
  const col = d.columns;
  const num = new Intl.NumberFormat(localeTag[language]);
  const percentOf = new Intl.NumberFormat(localeTag[language], { style: "percent", maximumFractionDigits: 0 });
  return (
    <div class="table-wrap">
      <table class="data cards">
        <thead>
          <tr>
            <th scope="col">{col.event}</th>
            <th scope="col">{col.when}</th>
            <th scope="col">{col.status}</th>
            <th scope="col" class="num">
              {col.confirmed}
            </th>
            <th scope="col">{col.filled}</th>
            <th scope="col" class="num">
              {col.waitlist}
            </th>
            {past ? (
              <th scope="col" class="num">
                {col.attended}
              </th>
            ) : null}
            <th scope="col">{col.actions}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const e = row.event;
            const percent = Math.round(row.fill * 100);
            const shown = percentOf.format(percent / 100);
            return (
              <tr>
                <td data-label={col.event}>
                  <a href={`/admin/events/${e.id}`}>{e.title}</a>
                  <br />
                  <PublicLink event={e} publicUrl={publicUrl} language={language} />
                </td>
                <td data-label={col.when}>{formatWhen(e.startsAt, e.endsAt, e.timezone, language)}</td>
                <td data-label={col.status}>
                  <Status e={row} t={t} />
                </td>
                <td class="num" data-label={col.confirmed}>
                  {num.format(row.confirmed)} / {num.format(e.capacity)}
                </td>
                <td data-label={col.filled}>
                  {/* A meter, not a styled bar: the CSP allows no inline styles. */}
                  <meter min={0} max={100} value={percent} low={50} high={90} optimum={100} aria-label={fill(d.filledLabel, { event: e.title, percent: shown })}></meter>{" "}
                  {shown}
                </td>
                <td class="num" data-label={col.waitlist}>
                  {e.waitlist ? num.format(row.waitlisted) : "—"}
                </td>
                {past ? (
                  <td class="num" data-label={col.attended}>
                    {num.format(row.checkedIn)}
                  </td>
                ) : null}
                <td data-label={col.actions}>
                  <ul class="links">
                    <li>
                      <a href={`/admin/events/${e.id}`}>{d.actions.attendees}</a>
                    </li>
                    {isEditable(e) ? (
                      <li>
                        <a href={`/admin/events/${e.id}/edit`}>{d.actions.edit}</a>
                      </li>
                    ) : null}
                    <li>
                      <a href={`/admin/events/${e.id}/duplicate`}>{d.actions.duplicate}</a>
                    </li>
                    {period !== "past" && doorIsOpen(e) ? (
                      <li>
                        <a href={`/admin/events/${e.id}/checkin`}>{d.actions.checkin}</a>
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
  /** Where the public pages are, for each event's link. */
  publicUrl: string;
  notice?: string;
  /** While the mail server refuses the service's mail settings (the reason is in the server log). */
  mailHeld?: { since: string; until: string } | null;
  /** Failed emails of the organisation, shown to owners (who can send them again). */
  failedMail?: number;
}) {
  const language = p.member.language;
  const t = wordsFor(p.member).events;
  const d = t.dashboard;
  const num = new Intl.NumberFormat(localeTag[language]);
  const current = [...p.running, ...p.upcoming];
  const waiting = current.reduce((n, e) => n + e.waitlisted, 0);
  const seats = current.reduce((n, e) => n + e.confirmed, 0);
  const full = current.filter((e) => e.fill >= 1).length;
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title={d.title} section="events">
      <div class="page-head">
        <h1>{d.title}</h1>
        <a class="button" href="/admin/events/new">
          {d.newEvent}
        </a>
      </div>
      <Notice text={p.notice} />
      <HeldWarning held={p.mailHeld ?? null} language={language} />
      {p.failedMail ? (
        <p class="notice bad">
          {plural(language, d.failedMail, p.failedMail)} <a href="/admin/mail">{d.failedMailLink}</a>
        </p>
      ) : null}
      <ul class="stats" aria-label={d.statsLabel}>
        {p.running.length ? (
          <li>
            <strong>{num.format(p.running.length)}</strong> {d.stats.running}
          </li>
        ) : null}
        <li>
          <strong>{num.format(p.upcoming.length)}</strong> {d.stats.upcoming}
        </li>
        <li>
          <strong>{num.format(seats)}</strong> {plural(language, d.stats.confirmed, seats)}
        </li>
        <li>
          <strong>{num.format(waiting)}</strong> {d.stats.waiting}
        </li>
      </ul>
      {current.length ? (
        <BarChart
          id="fill-rates"
          title={d.chartTitle}
          summary={fill(plural(language, d.chartSummary, current.length), { full: num.format(full) })}
          series={[{ label: d.chartSeries, tone: "ok" }]}
          rows={current.slice(0, 12).map((e) => ({ label: e.event.title, values: [Math.round(e.fill * 100)] }))}
          max={100}
          unit="%"
          language={language}
        />
      ) : null}
      {p.running.length ? (
        <>
          <h2>{d.periods.running}</h2>
          <EventTable rows={p.running} period="running" language={language} publicUrl={p.publicUrl} />
        </>
      ) : null}
      <h2 class={p.running.length ? "spaced" : undefined}>{d.periods.upcoming}</h2>
      <EventTable rows={p.upcoming} period="upcoming" language={language} publicUrl={p.publicUrl} />
      <h2 class="spaced">{d.periods.past}</h2>
      <EventTable rows={p.past} period="past" language={language} publicUrl={p.publicUrl} />
      {p.morePast ? (
        <p>
          <a href="/admin?past=all">{d.showAllPast}</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
