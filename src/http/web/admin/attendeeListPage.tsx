import type { AttendanceList, ListFilter, Tally } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import { formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { EventLinks } from "./attendeeEventLinks";
import { PublishForm } from "./sharePage";
import { Instant, listPath } from "./attendeeShared";
import { formatNumber as number } from "../../../i18n/format";
import { columnsParam, type Column } from "./attendeeColumns";
import { AttendeeTable, ColumnChooser } from "./attendeeTable";
import { assetUrl } from "../assets";
import { AdminLayout, Notice, wordsFor } from "./layout";
import { SessionsBox, type SessionWithArrivals } from "./sessionsBox";

type Words = WorkspaceMessages["attendees"];

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

function Filters({ list, columns, t, language }: { list: AttendanceList; columns: Column[]; t: Words; language: Language }) {
  const cols = columnsParam(columns);
  const { tally } = list;
  const counts: Record<ListFilter, number> = {
    live: tally.confirmed + tally.offered + tally.waitlisted + tally.pending,
    confirmed: tally.confirmed,
    offered: tally.offered,
    waitlisted: tally.waitlisted,
    pending: tally.pending,
    cancelled: tally.cancelled + tally.expired,
    declined: tally.declined,
    all: tally.confirmed + tally.offered + tally.waitlisted + tally.pending + tally.cancelled + tally.expired + tally.declined,
  };
  // Applications are a filter of their own only where there are any (an event by approval).
  const shown = (f: ListFilter) => (f !== "pending" && f !== "declined") || list.event.access === "approval" || counts[f] > 0 || f === list.filter;
  return (
    <form method="get" action={listPath(list.event.id)} class="toolbar no-print" role="search">
      {cols !== null ? <input type="hidden" name="cols" value={cols} /> : null}
      <div class="field">
        <label for="f-status">{t.search.show}</label>
        <select id="f-status" name="status">
          {(Object.keys(t.filters) as ListFilter[]).filter(shown).map((f) => (
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

/** The attendance list of one event: counts, filters, a page of its registrations, and what to do with them. */
export function AttendeeListPage(props: {
  member: Member;
  orgName: string;
  list: AttendanceList;
  columns: Column[];
  notice?: string;
  publicUrl: string;
  /** The programme's sessions with their counts (none without a programme). */
  sessions?: SessionWithArrivals[];
}) {
  const { member, orgName, list, notice } = props;
  const { event } = list;
  const { language } = member;
  const words = wordsFor(member);
  const t = words.attendees;
  return (
    <AdminLayout member={member} orgName={orgName} title={event.title} section="events" scripts={[assetUrl["admin.js"]]}>
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
      {event.programme !== "none" && props.sessions ? <SessionsBox event={event} sessions={props.sessions} language={language} /> : null}
      {event.anonymisedAt ? (
        <p class="notice">
          {t.page.anonymisedBefore}
          <Instant at={event.anonymisedAt} timeZone={event.timezone} language={language} />
          {t.page.anonymisedAfter}
        </p>
      ) : (
        <>
          <Filters list={list} columns={props.columns} t={t} language={language} />
          <ColumnChooser list={list} columns={props.columns} t={t} language={language} />
          <AttendeeTable list={list} columns={props.columns} t={t} language={language} />
        </>
      )}
    </AdminLayout>
  );
}
