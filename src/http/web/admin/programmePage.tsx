import type { Member } from "../../../domain/accounts";
import { isEditable, type EventRow } from "../../../domain/events";
import type { SessionView } from "../../../domain/programme";
import type { Language } from "../../../db/schema";
import { formatDay, formatHours, formatNumber, formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { workspaceMessages, type WorkspaceMessages } from "../../../i18n/workspace";
import { blankState, Checkbox, Input, TextArea, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice } from "./layout";
import { hasOwnSeats, newSessionValues } from "./programmeForm";

type Words = WorkspaceMessages["programme"];

export const programmePath = (eventId: string) => `/admin/events/${eventId}/programme`;
export const sessionPath = (sessionId: string) => `/admin/sessions/${sessionId}`;

/** The session form's labels by field, so that the summary of errors names the field of each. */
export const sessionFieldLabel = (language: Language) => (field: string) => workspaceMessages(language).programme.labels[field as keyof Words["labels"]];

/**
 * Title, times, track, venue, description, seats and own waitlist of one session; shared by
 * adding and editing. Times are on the event's clock, as in the event form.
 */
export function SessionFields({ state, event, language }: { state: AdminFormState; event: EventRow; language: Language }) {
  const t = workspaceMessages(language).programme;
  const l = t.labels;
  return (
    <>
      <Input state={state} name="title" label={l.title} required />
      <p class="hint" id="session-times-hint">
        {fill(t.timesHint, { zone: event.timezone.replaceAll("_", " ") })}
      </p>
      <div class="grid-form">
        <Input state={state} name="startsAt" label={l.startsAt} type="datetime-local" required />
        <Input state={state} name="endsAt" label={l.endsAt} type="datetime-local" required />
        <Input state={state} name="track" label={l.track} hint={t.trackHint} />
        <Input state={state} name="venue" label={l.venue} hint={t.venueHint} />
      </div>
      <TextArea state={state} name="description" label={l.description} rows={3} />
      {hasOwnSeats(event.programme) ? (
        <div class="grid-form">
          <Input state={state} name="capacity" label={l.capacity} type="number" min={0} hint={t.capacityHint} />
          <Checkbox state={state} name="waitlist" label={l.waitlist} hint={t.waitlistHint} />
        </div>
      ) : (
        <p class="hint">{t.packageSeats}</p>
      )}
    </>
  );
}

/** The sessions of each day of the event's calendar, in programme order. */
function byDay(sessions: SessionView[], zone: string, language: Language) {
  const days = new Map<string, SessionView[]>();
  for (const s of sessions) {
    const day = formatDay(new Date(s.startsAt), zone, language);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days];
}

/** Where a session may move: past a neighbour that starts at the same time (the only order the organiser sets). */
export function neighbours(sessions: SessionView[], i: number) {
  const live = (j: number) => sessions[j] && sessions[j]!.status === "scheduled" && sessions[j]!.startsAt === sessions[i]!.startsAt;
  return { up: live(i - 1), down: live(i + 1) };
}

function SessionRow({ s, i, all, event, language, t }: { s: SessionView; i: number; all: SessionView[]; event: EventRow; language: Language; t: Words }) {
  const n = (v: number) => formatNumber(v, language);
  const own = hasOwnSeats(event.programme);
  const live = s.status === "scheduled" && isEditable(event);
  const move = neighbours(all, i);
  const named = (template: string) => fill(template, { session: s.title });
  return (
    <tr class={s.status === "cancelled" ? "cancelled" : undefined}>
      <td class="nowrap">{formatHours(new Date(s.startsAt), new Date(s.endsAt), event.timezone, language)}</td>
      <th scope="row">
        {s.title}
        {s.status === "cancelled" ? <span class="flag"> {t.cancelled}</span> : null}
        {/* Where it is, under its name: two mostly empty columns made the table wider than the page. */}
        {s.track || s.venue ? (
          <>
            <br />
            <span class="small">{[s.track, s.venue].filter(Boolean).join(" · ")}</span>
          </>
        ) : null}
      </th>
      <td>
        {!own ? t.eventSeats : s.capacity === null ? t.noLimit : n(s.capacity)}
        {own && s.capacity !== null && !s.waitlist ? <span class="small">, {t.noWaitlist}</span> : null}
      </td>
      <td>{n(s.confirmed)}</td>
      <td>{n(s.waitlisted)}</td>
      <td>{s.seatsLeft === null ? "–" : n(s.seatsLeft)}</td>
      <td>
        {live ? (
          <div class="row-actions">
            <a href={`${sessionPath(s.id)}/edit`} aria-label={named(t.editLabel)}>
              {t.edit}
            </a>{" "}
            {move.up || move.down ? (
              <form method="post" action={`${sessionPath(s.id)}/move`} class="inline-form">
                {move.up ? (
                  <button type="submit" name="direction" value="up" class="secondary" aria-label={named(t.moveUpLabel)}>
                    {t.moveUp}
                  </button>
                ) : null}{" "}
                {move.down ? (
                  <button type="submit" name="direction" value="down" class="secondary" aria-label={named(t.moveDownLabel)}>
                    {t.moveDown}
                  </button>
                ) : null}
              </form>
            ) : null}{" "}
            <a href={`${sessionPath(s.id)}/cancel`} aria-label={named(t.cancelLabel)}>
              {t.cancel}
            </a>
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export interface ProgrammePageProps {
  member: Member;
  orgName: string;
  event: EventRow;
  sessions: SessionView[];
  /** The add form, as sent back after a refusal. */
  state?: AdminFormState;
  notice?: string;
}

/** An event's programme: its sessions by day with their counts, and a form to add one. */
export function ProgrammePage({ member, orgName, event, sessions, state = blankState(newSessionValues()), notice }: ProgrammePageProps) {
  const language = member.language;
  const t = workspaceMessages(language).programme;
  const c = t.columns;
  const kind =
    event.programme === "choose" && event.maxSessions !== null
      ? fill(t.kinds.chooseMax, { max: formatNumber(event.maxSessions, language) })
      : t.kinds[event.programme];
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.title, { event: event.title })} section="events">
      <div class="page-head">
        <h1>{fill(t.title, { event: event.title })}</h1>
        <a href={`/admin/events/${event.id}`}>{t.back}</a>
      </div>
      <p class="event-when">{formatWhen(event.startsAt, event.endsAt, event.timezone, language)}</p>
      <Notice text={notice} />
      <p>
        {kind}{" "}
        {isEditable(event) ? <a href={`/admin/events/${event.id}/edit#f-programme`}>{t.changeKind}</a> : null}
      </p>
      {event.programme === "none" ? null : (
        <>
          {sessions.length ? <p class="hint">{t.orderHint}</p> : <p>{t.empty}</p>}
          {byDay(sessions, event.timezone, language).map(([day, list]) => (
            <section>
              <h2>{day}</h2>
              <div class="table-wrap">
                <table class="data programme">
                  <caption class="visually-hidden">{fill(t.sessionsOn, { day })}</caption>
                  <thead>
                    <tr>
                      {[c.time, c.session, c.capacity, c.confirmed, c.waitlisted, c.seatsLeft, c.actions].map((h) => (
                        <th scope="col">{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {list.map((s) => (
                      <SessionRow s={s} i={sessions.indexOf(s)} all={sessions} event={event} language={language} t={t} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
          {isEditable(event) ? (
            <section class="card" aria-labelledby="add-session">
              <h2 id="add-session">{t.add}</h2>
              <ErrorSummary errors={state.errors} label={sessionFieldLabel(language)} language={language} />
              <form method="post" action={programmePath(event.id)} novalidate>
                <SessionFields state={state} event={event} language={language} />
                <div class="actions">
                  <button type="submit">{t.addSubmit}</button>
                </div>
              </form>
            </section>
          ) : null}
        </>
      )}
    </AdminLayout>
  );
}
