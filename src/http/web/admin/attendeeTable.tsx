import type { AttendanceList, ListedRegistration } from "../../../domain/attendees";
import { answerText, canActOn, canAnswerFor, canPromote, listIsOpen } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Language } from "../../../db/schema";
import { counted, formatNumber as number } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { workspaceMessages, type WorkspaceMessages } from "../../../i18n/workspace";
import { columnsParam, optionalColumns, type Column } from "./attendeeColumns";
import { Pager } from "./attendeeListPager";
import { OfferActions, OfferDeadline } from "./attendeeOfferPages";
import { Instant, listPath, registrationPath } from "./attendeeShared";

type Words = WorkspaceMessages["attendees"];
interface TableProps {
  list: AttendanceList;
  columns: Column[];
  t: Words;
  language: Language;
}

export const statusBadge = { confirmed: "badge", offered: "badge wait", waitlisted: "badge wait", pending: "badge wait", cancelled: "badge bad", expired: "badge bad", declined: "badge bad" } as const;

/** The form the rows' tick boxes belong to (by their `form` attribute: the row menus hold forms of their own). */
const BULK_FORM = "bulk";

/**
 * A row's actions behind one disclosure, so the column stays narrow at a desk and on a
 * tablet; <details> needs no script and tells screen readers whether it is open.
 */
function RowMenu({ row, event, t, language }: { row: ListedRegistration; event: EventRow; t: Words; language: Language }) {
  const r = row.registration;
  if (!canActOn(r, event)) return null;
  const a = t.actions;
  const ap = workspaceMessages(language).access.approval;
  return (
    <details class="row-menu">
      <summary aria-label={fill(t.menu.label, { name: r.name })}>{t.menu.summary}</summary>
      <div class="row-actions">
        {r.status === "pending" ? (
          <>
            <form method="post" action={registrationPath(event.id, r.id, "approve")}>
              <button type="submit" class="compact" aria-label={fill(ap.approveLabel, { name: r.name })}>
                {ap.approve}
              </button>
            </form>
            <form method="post" action={registrationPath(event.id, r.id, "decline")}>
              <button type="submit" class="compact secondary" aria-label={fill(ap.declineLabel, { name: r.name })}>
                {ap.decline}
              </button>
            </form>
          </>
        ) : null}
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
    </details>
  );
}

function Row({ row, list, columns, t, language }: TableProps & { row: ListedRegistration }) {
  const { event } = list;
  const r = row.registration;
  const tz = event.timezone;
  const show = (c: Column) => columns.includes(c);
  return (
    <tr id={r.id}>
      <td class="select no-print">
        <input type="checkbox" form={BULK_FORM} name="ids" value={r.id} aria-label={fill(t.bulk.select, { name: r.name })} />
      </td>
      <th scope="row">{r.name}</th>
      <td>
        <span class={statusBadge[r.status]}>{t.status[r.status]}</span>
        {row.position !== null ? <span class="position"> #{row.position}</span> : null}
        {r.status === "offered" && r.offerExpiresAt ? <OfferDeadline at={r.offerExpiresAt} timeZone={tz} language={language} /> : null}
      </td>
      {show("email") ? <td class="email">{r.email}</td> : null}
      {show("organisation") ? <td class="organisation">{r.organisation ?? ""}</td> : null}
      {show("phone") ? <td class="nowrap">{r.phone ?? ""}</td> : null}
      {show("answers") ? event.questions.map((q) => <td>{answerText(q, r.answers, language)}</td>) : null}
      {show("signedUp") ? (
        <td class="nowrap">
          <Instant at={r.createdAt} timeZone={tz} language={language} />
        </td>
      ) : null}
      {show("checkedIn") ? (
        <td class="nowrap">
          <Instant at={r.checkedInAt} timeZone={tz} language={language} />
        </td>
      ) : null}
      {show("notes") ? (
        <td>
          {r.addedBy ? (
            <span class="flag" title={row.addedByEmail ? fill(t.row.addedBy, { email: row.addedByEmail }) : undefined}>
              {t.row.addedByHand}
            </span>
          ) : null}
          {r.overCapacity && r.status === "confirmed" ? <span class="flag over">{t.row.overCapacity}</span> : null}
          {r.substitutedName ? <span class="flag">{fill(t.row.replaced, { name: r.substitutedName })}</span> : null}
        </td>
      ) : null}
      <td class="no-print menu-cell">
        <RowMenu row={row} event={event} t={t} language={language} />
      </td>
    </tr>
  );
}

/**
 * Which optional columns to show: a GET form, so the choice goes into the address (and so
 * into every link of the list) and is remembered nowhere else. The empty `cols` makes
 * "nothing ticked" a choice rather than the default.
 */
export function ColumnChooser({ list, columns, t }: TableProps) {
  const c = t.chooser;
  const names: Record<Column, string> = { ...t.table.columns, answers: c.answers };
  return (
    <details class="column-chooser no-print">
      <summary>{c.summary}</summary>
      <form method="get" action={listPath(list.event.id)}>
        <input type="hidden" name="status" value={list.filter} />
        {list.q ? <input type="hidden" name="q" value={list.q} /> : null}
        <input type="hidden" name="cols" value="" />
        <fieldset>
          <legend>{c.legend}</legend>
          {optionalColumns
            .filter((col) => col !== "answers" || list.event.questions.length > 0)
            .map((col) => (
              <label class="choice" for={`f-col-${col}`}>
                <input type="checkbox" id={`f-col-${col}`} name="cols" value={col} checked={columns.includes(col)} />
                <span>{names[col]}</span>
              </label>
            ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="secondary">
            {c.apply}
          </button>
          <a href={`${listPath(list.event.id)}?status=${list.filter}${list.q ? `&q=${encodeURIComponent(list.q)}` : ""}`}>{c.standard}</a>
        </div>
      </form>
    </details>
  );
}

/**
 * What to do with the rows ticked: one form whose buttons each post to their action. A
 * ticked "all on this page" sends the page's own ids along (no script needed for it).
 */
function BulkBar({ list, columns, t, language }: TableProps) {
  const base = listPath(list.event.id);
  // Applications are decided here on an event by approval, or wherever some still wait.
  const applications = list.event.access === "approval" || list.tally.pending > 0;
  const ap = workspaceMessages(language).access.approval;
  const b = t.bulk;
  const open = listIsOpen(list.event);
  const cols = columnsParam(columns);
  return (
    <form id={BULK_FORM} method="post" action={`${base}/selection/export`} class="bulk-bar no-print">
      <input type="hidden" name="audience" value="selected" />
      {cols !== null ? <input type="hidden" name="cols" value={cols} /> : null}
      {list.rows.map((row) => (
        <input type="hidden" name="page" value={row.registration.id} />
      ))}
      <span class="bulk-label">{b.label}:</span>
      {open ? (
        <>
          <button type="submit" class="secondary compact" formaction={`${base}/message`} name="step" value="edit">
            {b.message}
          </button>
          <button type="submit" class="secondary compact" formaction={`${base}/selection/checkin`}>
            {b.checkIn}
          </button>
          <button type="submit" class="secondary compact" formaction={`${base}/selection/cancel`}>
            {b.cancel}
          </button>
          {applications ? (
            <>
              <button type="submit" class="secondary compact" formaction={`${base}/selection/approve`}>
                {ap.bulkApprove}
              </button>
              <button type="submit" class="secondary compact" formaction={`${base}/selection/decline`}>
                {ap.bulkDecline}
              </button>
            </>
          ) : null}
        </>
      ) : null}
      <button type="submit" class="secondary compact" name="format" value="csv">
        {b.csv}
      </button>
      <button type="submit" class="secondary compact" name="format" value="xlsx">
        {b.excel}
      </button>
    </form>
  );
}

/** One page of the list: the actions on the ticked rows, the table, and the way to the other pages. */
export function AttendeeTable(props: TableProps) {
  const { list, columns, t, language } = props;
  const { event, count, rows } = list;
  const w = t.table;
  if (!count) return <p class="card">{list.q ? fill(w.noMatch, { q: list.q }) : w.empty}</p>;
  // A page link kept while the rows after it went away (cancelled, erased, promoted).
  if (!rows.length)
    return (
      <>
        <p class="card">{w.noMore}</p>
        <Pager list={list} columns={columns} language={language} />
      </>
    );
  const shown =
    count > rows.length || list.continued
      ? fill(w.showing, { from: number(list.from, language), to: number(list.from + rows.length - 1, language) })
      : "";
  const col = w.columns;
  const show = (c: Column) => columns.includes(c);
  return (
    <>
      <BulkBar {...props} />
      <div class="table-wrap">
        <table class="data attendees">
          <caption class="small">
            {counted(language, w.count, count)}
            {list.q ? fill(w.matching, { q: list.q }) : ""} · {t.filters[list.filter].toLowerCase()}
            {shown}
          </caption>
          <thead>
            <tr>
              <th scope="col" class="select no-print">
                <input type="checkbox" form={BULK_FORM} name="all" value="1" aria-label={t.bulk.selectAll} data-select-all={BULK_FORM} />
              </th>
              <th scope="col">{col.name}</th>
              <th scope="col">{col.status}</th>
              {show("email") ? <th scope="col">{col.email}</th> : null}
              {show("organisation") ? <th scope="col">{col.organisation}</th> : null}
              {show("phone") ? <th scope="col">{col.phone}</th> : null}
              {show("answers") ? event.questions.map((q) => <th scope="col">{q.label}</th>) : null}
              {show("signedUp") ? <th scope="col">{col.signedUp}</th> : null}
              {show("checkedIn") ? <th scope="col">{col.checkedIn}</th> : null}
              {show("notes") ? <th scope="col">{col.notes}</th> : null}
              <th scope="col" class="no-print">
                {col.actions}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row {...props} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager list={list} columns={columns} language={language} />
    </>
  );
}
