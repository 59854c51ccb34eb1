import type { AttendanceList, ListedRegistration, ListFilter, Tally } from "../../../domain/attendees";
import { answerText, canActOn, canAnswerFor, canPromote } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import { formatWhen } from "../../../i18n/format";
import { EventLinks } from "./attendeeEventLinks";
import { Pager } from "./attendeeListPager";
import { Instant, listPath, registrationPath } from "./attendeeShared";
import { OfferActions, OfferDeadline } from "./attendeeOfferPages";
import { AdminLayout, Notice } from "./layout";

const filterLabels: Record<ListFilter, string> = {
  // Offered people are in the live list too, each marked "offered" with their deadline.
  live: "Confirmed and waitlisted",
  confirmed: "Confirmed",
  offered: "Offered a seat",
  waitlisted: "Waitlisted",
  cancelled: "Cancelled",
  all: "All, with cancelled",
};

const statusBadge = { confirmed: "badge", offered: "badge wait", waitlisted: "badge wait", cancelled: "badge bad", expired: "badge bad" } as const;

function Counts({ tally, event }: { tally: Tally; event: EventRow }) {
  return (
    <ul class="stats" aria-label="Counts">
      <li>
        <strong>
          {tally.confirmed} / {tally.capacity}
        </strong>
        confirmed
      </li>
      <li>
        <strong>{tally.seatsLeft}</strong>
        {tally.seatsLeft === 1 ? "seat left" : "seats left"}
      </li>
      {tally.offered ? (
        <li>
          <strong>{tally.offered}</strong>
          {tally.offered === 1 ? "seat held for an offer" : "seats held for offers"}
        </li>
      ) : null}
      <li>
        <strong>{tally.waitlisted}</strong>
        {event.waitlist ? "waitlisted" : "waitlisted (waitlist off)"}
      </li>
      <li>
        <strong>{tally.cancelled + tally.expired}</strong>
        {tally.expired ? "cancelled or offer expired" : "cancelled"}
      </li>
      <li>
        <strong>{tally.checkedIn}</strong>
        checked in
      </li>
      {tally.beyond > 0 ? (
        <li class="over">
          <strong>{tally.beyond}</strong>
          over capacity{tally.overCapacity ? ` (${tally.overCapacity} seated by override)` : ""}
        </li>
      ) : tally.overCapacity > 0 ? (
        <li class="over">
          <strong>{tally.overCapacity}</strong>
          seated by override
        </li>
      ) : null}
    </ul>
  );
}

function Filters({ list }: { list: AttendanceList }) {
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
        <label for="f-status">Show</label>
        <select id="f-status" name="status">
          {(Object.keys(filterLabels) as ListFilter[]).map((f) => (
            <option value={f} selected={f === list.filter}>
              {`${filterLabels[f]} (${counts[f]})`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-q">Search name, email or organisation</label>
        <input id="f-q" type="search" name="q" value={list.q} maxlength={200} />
      </div>
      <button type="submit">Show</button>
      {list.q || list.filter !== "live" ? <a href={listPath(list.event.id)}>Clear</a> : null}
    </form>
  );
}

function RowActions({ row, event }: { row: ListedRegistration; event: EventRow }) {
  const r = row.registration;
  if (!canActOn(r, event)) return null;
  return (
    <div class="row-actions">
      {canAnswerFor(r) ? <OfferActions eventId={event.id} registration={r} /> : null}
      {canPromote(r) ? (
        <form method="post" action={registrationPath(event.id, r.id, "promote")}>
          <button type="submit" class="compact" aria-label={`Promote ${r.name}`}>
            Promote
          </button>
        </form>
      ) : null}
      <form method="post" action={registrationPath(event.id, r.id, "resend")}>
        <button type="submit" class="link" aria-label={`Resend email to ${r.name}`}>
          Resend email
        </button>
      </form>
      <a href={registrationPath(event.id, r.id, "cancel")} aria-label={`Cancel ${r.name}'s registration`}>
        Cancel…
      </a>
    </div>
  );
}

function Row({ row, event }: { row: ListedRegistration; event: EventRow }) {
  const r = row.registration;
  const tz = event.timezone;
  return (
    <tr id={r.id}>
      <th scope="row">{r.name}</th>
      <td>
        <span class={statusBadge[r.status]}>{r.status}</span>
        {row.position !== null ? <span class="position"> #{row.position}</span> : null}
        {r.status === "offered" && r.offerExpiresAt ? <OfferDeadline at={r.offerExpiresAt} timeZone={tz} /> : null}
      </td>
      <td class="email">{r.email}</td>
      <td>{r.organisation ?? ""}</td>
      <td class="nowrap">{r.phone ?? ""}</td>
      {event.questions.map((q) => (
        <td>{answerText(q, r.answers)}</td>
      ))}
      <td class="nowrap">
        <Instant at={r.createdAt} timeZone={tz} />
      </td>
      <td class="nowrap">
        <Instant at={r.checkedInAt} timeZone={tz} />
      </td>
      <td>
        {r.addedBy ? (
          <span class="flag" title={row.addedByEmail ? `Added by ${row.addedByEmail}` : undefined}>
            added by hand
          </span>
        ) : null}
        {r.overCapacity && r.status === "confirmed" ? <span class="flag over">over capacity</span> : null}
      </td>
      <td class="no-print">
        <RowActions row={row} event={event} />
      </td>
    </tr>
  );
}

function Table({ list }: { list: AttendanceList }) {
  const { event, count, rows } = list;
  if (!count) return <p class="card">{list.q ? `Nobody matches “${list.q}”.` : "Nobody here yet."}</p>;
  // A page link kept while the rows after it went away (cancelled, erased, promoted).
  if (!rows.length)
    return (
      <>
        <p class="card">No more registrations after the last page.</p>
        <Pager list={list} />
      </>
    );
  const shown = count > rows.length || list.continued ? ` · showing ${list.from}–${list.from + rows.length - 1}` : "";
  return (
    <>
      <div class="table-wrap">
        <table class="data attendees">
          <caption class="small">
            {count} {count === 1 ? "registration" : "registrations"}
            {list.q ? ` matching “${list.q}”` : ""} · {filterLabels[list.filter].toLowerCase()}
            {shown}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Email</th>
              <th scope="col">Organisation</th>
              <th scope="col">Phone</th>
              {event.questions.map((q) => (
                <th scope="col">{q.label}</th>
              ))}
              <th scope="col">Signed up</th>
              <th scope="col">Checked in</th>
              <th scope="col">Notes</th>
              <th scope="col" class="no-print">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row row={row} event={event} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager list={list} />
    </>
  );
}

/** The attendance list of one event: counts, filters, a page of its registrations, and what to do with them. */
export function AttendeeListPage({ member, orgName, list, notice }: { member: Member; orgName: string; list: AttendanceList; notice?: string }) {
  const { event } = list;
  return (
    <AdminLayout member={member} orgName={orgName} title={event.title} section="events">
      <p class="small no-print">
        <a href="/admin">Events</a> ›
      </p>
      <div class="page-head">
        <h1>{event.title}</h1>
        {event.status === "draft" ? <span class="badge wait">Draft</span> : null}
        {event.status === "cancelled" ? <span class="badge bad">Cancelled</span> : null}
      </div>
      <p class="event-when">
        {formatWhen(event.startsAt, event.endsAt, event.timezone, "en")}
        {event.venue ? ` · ${event.venue}` : ""}
      </p>
      <Notice text={notice} />
      {event.status === "cancelled" ? (
        <p class="notice wait">This event has been cancelled; everyone who was confirmed or waiting was told.</p>
      ) : null}
      <Counts tally={list.tally} event={event} />
      <EventLinks event={event} />
      {event.anonymisedAt ? (
        <p class="notice">
          The personal data of this event was removed on <Instant at={event.anonymisedAt} timeZone={event.timezone} />, as the
          organisation's retention setting asks. Only the counts remain.
        </p>
      ) : (
        <>
          <Filters list={list} />
          <Table list={list} />
        </>
      )}
    </AdminLayout>
  );
}
