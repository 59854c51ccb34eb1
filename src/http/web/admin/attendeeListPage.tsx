import type { AttendanceList, ListedRegistration, ListFilter, Tally } from "../../../domain/attendees";
import { answerText, canActOn, canAnswerFor, canPromote } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import { formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { EventLinks } from "./attendeeEventLinks";
import { PublishForm } from "./sharePage";
import { Pager } from "./attendeeListPager";
import { Instant, listPath, registrationPath } from "./attendeeShared";
import { counted, formatNumber as number } from "../../../i18n/format";
import { OfferActions, OfferDeadline } from "./attendeeOfferPages";
import { AdminLayout, Notice, wordsFor } from "./layout";

type Words = WorkspaceMessages["attendees"];

const statusBadge = { confirmed: "badge", offered: "badge wait", waitlisted: "badge wait", cancelled: "badge bad", expired: "badge bad" } as const;

function Counts({ tally, event, t, language }: { tally: Tally; event: EventRow; t: Words; language: Language }) {
  const c = t.counts;
  const n = (v: number) => number(v, language);
  return (
    <ul class="stats" aria-label={c.label}>
      <li>
        <strong>
          {n(tally.confirmed)} / {n(tally.capacity)}
        </strong>
        {c.confirmed}
      </li>
      <li>
        <strong>{n(tally.seatsLeft)}</strong>
        {plural(language, c.seatsLeft, tally.seatsLeft)}
      </li>
      {tally.offered ? (
        <li>
          <strong>{n(tally.offered)}</strong>
          {plural(language, c.held, tally.offered)}
        </li>
      ) : null}
      <li>
        <strong>{n(tally.waitlisted)}</strong>
        {event.waitlist ? c.waitlisted : c.waitlistOff}
      </li>
      <li>
        <strong>{n(tally.cancelled + tally.expired)}</strong>
        {tally.expired ? c.cancelledOrExpired : c.cancelled}
      </li>
      <li>
        <strong>{n(tally.checkedIn)}</strong>
        {c.checkedIn}
      </li>
      {tally.beyond > 0 ? (
        <li class="over">
          <strong>{n(tally.beyond)}</strong>
          {c.beyond}
          {tally.overCapacity ? fill(c.beyondByOverride, { n: n(tally.overCapacity) }) : ""}
        </li>
      ) : tally.overCapacity > 0 ? (
        <li class="over">
          <strong>{n(tally.overCapacity)}</strong>
          {c.overrideOnly}
        </li>
      ) : null}
    </ul>
  );
}

function Filters({ list, t, language }: { list: AttendanceList; t: Words; language: Language }) {
  const { tally } = list;
  const counts: Record<ListFilter, number> = {
    live: tally.confirmed + tally.offered + tally.waitlisted,
    confirmed: tally.confirmed,
    offered: tally.offered,
    waitlisted: tally.waitlisted,
    cancelled: tally.cancelled + tally.expired,
    all: tally.confirmed + tally.offered + tally.waitlisted + tally.cancelled + tally.expired,
  };
  return (
    <form method="get" action={listPath(list.event.id)} class="toolbar no-print" role="search">
      <div class="field">
        <label for="f-status">{t.search.show}</label>
        <select id="f-status" name="status">
          {(Object.keys(t.filters) as ListFilter[]).map((f) => (
            <option value={f} selected={f === list.filter}>
              {`${t.filters[f]} (${number(counts[f], language)})`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-q">{t.search.query}</label>
        <input id="f-q" type="search" name="q" value={list.q} maxlength={200} />
      </div>
      <button type="submit">{t.search.submit}</button>
      {list.q || list.filter !== "live" ? <a href={listPath(list.event.id)}>{t.search.clear}</a> : null}
    </form>
  );
}

function RowActions({ row, event, t, language }: { row: ListedRegistration; event: EventRow; t: Words; language: Language }) {
  const r = row.registration;
  if (!canActOn(r, event)) return null;
  const a = t.actions;
  return (
    <div class="row-actions">
      {canAnswerFor(r) ? <OfferActions eventId={event.id} registration={r} language={language} /> : null}
      {canPromote(r) ? (
        <form method="post" action={registrationPath(event.id, r.id, "promote")}>
          <button type="submit" class="compact" aria-label={fill(a.promoteLabel, { name: r.name })}>
            {a.promote}
          </button>
        </form>
      ) : null}
      <form method="post" action={registrationPath(event.id, r.id, "resend")}>
        <button type="submit" class="link" aria-label={fill(a.resendLabel, { name: r.name })}>
          {a.resend}
        </button>
      </form>
      <a href={registrationPath(event.id, r.id, "cancel")} aria-label={fill(a.cancelLabel, { name: r.name })}>
        {a.cancel}
      </a>
    </div>
  );
}

function Row({ row, event, t, language }: { row: ListedRegistration; event: EventRow; t: Words; language: Language }) {
  const r = row.registration;
  const tz = event.timezone;
  return (
    <tr id={r.id}>
      <th scope="row">{r.name}</th>
      <td>
        <span class={statusBadge[r.status]}>{t.status[r.status]}</span>
        {row.position !== null ? <span class="position"> #{row.position}</span> : null}
        {r.status === "offered" && r.offerExpiresAt ? <OfferDeadline at={r.offerExpiresAt} timeZone={tz} language={language} /> : null}
      </td>
      <td class="email">{r.email}</td>
      <td>{r.organisation ?? ""}</td>
      <td class="nowrap">{r.phone ?? ""}</td>
      {event.questions.map((q) => (
        <td>{answerText(q, r.answers, language)}</td>
      ))}
      <td class="nowrap">
        <Instant at={r.createdAt} timeZone={tz} language={language} />
      </td>
      <td class="nowrap">
        <Instant at={r.checkedInAt} timeZone={tz} language={language} />
      </td>
      <td>
        {r.addedBy ? (
          <span class="flag" title={row.addedByEmail ? fill(t.row.addedBy, { email: row.addedByEmail }) : undefined}>
            {t.row.addedByHand}
          </span>
        ) : null}
        {r.overCapacity && r.status === "confirmed" ? <span class="flag over">{t.row.overCapacity}</span> : null}
        {r.substitutedName ? <span class="flag">{fill(t.row.replaced, { name: r.substitutedName })}</span> : null}
      </td>
      <td class="no-print">
        <RowActions row={row} event={event} t={t} language={language} />
      </td>
    </tr>
  );
}

function Table({ list, t, language }: { list: AttendanceList; t: Words; language: Language }) {
  const { event, count, rows } = list;
  const w = t.table;
  if (!count) return <p class="card">{list.q ? fill(w.noMatch, { q: list.q }) : w.empty}</p>;
  // A page link kept while the rows after it went away (cancelled, erased, promoted).
  if (!rows.length)
    return (
      <>
        <p class="card">{w.noMore}</p>
        <Pager list={list} language={language} />
      </>
    );
  const shown =
    count > rows.length || list.continued
      ? fill(w.showing, { from: number(list.from, language), to: number(list.from + rows.length - 1, language) })
      : "";
  const col = w.columns;
  return (
    <>
      <div class="table-wrap">
        <table class="data attendees">
          <caption class="small">
            {counted(language, w.count, count)}
            {list.q ? fill(w.matching, { q: list.q }) : ""} · {t.filters[list.filter].toLowerCase()}
            {shown}
          </caption>
          <thead>
            <tr>
              <th scope="col">{col.name}</th>
              <th scope="col">{col.status}</th>
              <th scope="col">{col.email}</th>
              <th scope="col">{col.organisation}</th>
              <th scope="col">{col.phone}</th>
              {event.questions.map((q) => (
                <th scope="col">{q.label}</th>
              ))}
              <th scope="col">{col.signedUp}</th>
              <th scope="col">{col.checkedIn}</th>
              <th scope="col">{col.notes}</th>
              <th scope="col" class="no-print">
                {col.actions}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row row={row} event={event} t={t} language={language} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager list={list} language={language} />
    </>
  );
}

/** The attendance list of one event: counts, filters, a page of its registrations, and what to do with them. */
export function AttendeeListPage(props: { member: Member; orgName: string; list: AttendanceList; notice?: string; publicUrl: string }) {
  const { member, orgName, list, notice } = props;
  const { event } = list;
  const { language } = member;
  const words = wordsFor(member);
  const t = words.attendees;
  return (
    <AdminLayout member={member} orgName={orgName} title={event.title} section="events">
      <p class="small no-print">
        <a href="/admin">{words.shell.sections.events}</a> ›
      </p>
      <div class="page-head">
        <h1>{event.title}</h1>
        {event.status === "draft" ? (
          <span class="head-actions">
            <span class="badge wait">{t.page.draft}</span> <PublishForm event={event} label={words.events.share.publish} />
          </span>
        ) : null}
        {event.status === "cancelled" ? <span class="badge bad">{t.page.cancelled}</span> : null}
      </div>
      <p class="event-when">
        {formatWhen(event.startsAt, event.endsAt, event.timezone, language)}
        {event.venue ? ` · ${event.venue}` : ""}
      </p>
      <Notice text={notice} />
      {event.status === "cancelled" ? <p class="notice wait">{t.page.eventCancelled}</p> : null}
      <Counts tally={list.tally} event={event} t={t} language={language} />
      <EventLinks event={event} language={language} publicUrl={props.publicUrl} />
      {event.anonymisedAt ? (
        <p class="notice">
          {t.page.anonymisedBefore}
          <Instant at={event.anonymisedAt} timeZone={event.timezone} language={language} />
          {t.page.anonymisedAfter}
        </p>
      ) : (
        <>
          <Filters list={list} t={t} language={language} />
          <Table list={list} t={t} language={language} />
        </>
      )}
    </AdminLayout>
  );
}
