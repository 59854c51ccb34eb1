import type { Member } from "../../../domain/accounts";
import type { InvitationState, InvitationView } from "../../../domain/access";
import type { EventRow } from "../../../domain/events";
import { counted, formatNumber } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { assetUrl } from "../assets";
import { EventLine, listPath } from "./attendeeShared";
import type { ListLineError } from "./invitationList";
import { AdminLayout, Notice, wordsFor } from "./layout";

export const invitationStates: InvitationState[] = ["created", "sent", "visited", "registered", "declined", "revoked"];
export const invitationsPath = (eventId: string) => `${listPath(eventId)}/invitations`;
export const invitationPath = (eventId: string, id: string, action: string) => `${invitationsPath(eventId)}/${id}/${action}`;

const stateBadge: Record<InvitationState, string> = { created: "badge wait", sent: "badge wait", visited: "badge wait", registered: "badge", declined: "badge bad", revoked: "badge bad" };

/** Sent, and neither registered through nor declined: who "remind everyone" reaches (the domain's `remindUnanswered`). */
export const unanswered = (v: InvitationView) => v.sentAt !== null && (v.status === "sent" || v.status === "visited");

export interface InvitationPageProps {
  member: Member;
  orgName: string;
  event: EventRow;
  invitations: InvitationView[];
  /** The state shown, or all. */
  state: InvitationState | "all";
  notice?: string;
  /** The list as typed, shown again with its errors. */
  list?: string;
  send?: boolean;
  errors?: ListLineError[];
}

function InviteForm({ p }: { p: InvitationPageProps }) {
  const t = wordsFor(p.member).access;
  const errors = p.errors ?? [];
  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t.invite.heading}</h2>
      <p class="hint">{t.invite.intro}</p>
      {errors.length ? (
        <div class="error-summary" role="alert" tabindex={-1} id="invite-errors">
          <h3>{t.errors.summary}</h3>
          <ul>
            {errors.map((e) => (
              <li>{e.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={invitationsPath(p.event.id)} enctype="multipart/form-data" novalidate>
        <div class="field">
          <label for="f-list">{t.invite.list}</label>
          <p class="hint" id="f-list-hint">
            {t.invite.listHint}
          </p>
          <textarea id="f-list" name="list" rows={8} aria-describedby={errors.length ? "f-list-hint invite-errors" : "f-list-hint"} aria-invalid={errors.length ? "true" : undefined}>
            {p.list ?? ""}
          </textarea>
        </div>
        <div class="field">
          <label for="f-file">{t.invite.file}</label>
          <p class="hint" id="f-file-hint">
            {t.invite.fileHint}
          </p>
          <input type="file" id="f-file" name="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="f-file-hint" />
        </div>
        <div class="field">
          <label class="choice">
            <input type="checkbox" id="f-send" name="send" value="yes" checked={p.send ?? true} />
            <span>
              {t.invite.send}
              <span class="hint"> {t.invite.sendHint}</span>
            </span>
          </label>
        </div>
        <div class="actions">
          <button type="submit">{t.invite.submit}</button>
        </div>
      </form>
    </section>
  );
}

function Row({ p, v }: { p: InvitationPageProps; v: InvitationView }) {
  const words = wordsFor(p.member);
  const t = words.access;
  const a = t.actions;
  const language = p.member.language;
  const closed = v.status === "revoked" || v.status === "declined";
  const linkId = `link-${v.id}`;
  return (
    <tr id={v.id}>
      <th scope="row" class="email">
        {v.email}
      </th>
      <td>{`${v.firstName} ${v.lastName}`.trim()}</td>
      <td>{v.organisation ?? ""}</td>
      <td class="num">{formatNumber(v.seats, language)}</td>
      <td class="nowrap">{fill(t.table.registeredOf, { n: formatNumber(v.registered, language), m: formatNumber(v.seats, language) })}</td>
      <td>
        <span class={stateBadge[v.status]}>{t.states[v.status]}</span>
      </td>
      <td class="no-print menu-cell">
        {closed ? null : (
          <details class="row-menu">
            <summary aria-label={fill(words.attendees.menu.label, { name: v.email })}>{words.attendees.menu.summary}</summary>
            <div class="row-actions">
              <form method="post" action={invitationPath(p.event.id, v.id, "resend")}>
                <button type="submit" class="link" aria-label={fill(v.sentAt ? a.resendLabel : a.sendLabel, { email: v.email })}>
                  {v.sentAt ? a.resend : a.send}
                </button>
              </form>
              <a href={invitationPath(p.event.id, v.id, "revoke")} aria-label={fill(a.revokeLabel, { email: v.email })}>
                {a.revoke}
              </a>
              <label class="visually-hidden" for={linkId}>
                {fill(a.link, { email: v.email })}
              </label>
              <input id={linkId} type="text" readonly value={v.url} class="compact" />
              <button type="button" class="secondary compact" data-copy={linkId} data-copied={words.shell.copied} data-copy-failed={words.shell.copyFailed} aria-label={fill(a.copyLabel, { email: v.email })} hidden>
                {a.copy}
              </button>
            </div>
          </details>
        )}
      </td>
    </tr>
  );
}

/** An event's invitations: inviting from a list or a file, the invitations with their states, and what to do with them. */
export function InvitationPage(p: InvitationPageProps) {
  const { member, event } = p;
  const language = member.language;
  const t = wordsFor(member).access;
  const counts = Object.fromEntries(invitationStates.map((s) => [s, p.invitations.filter((v) => v.status === s).length])) as Record<InvitationState, number>;
  const shown = p.state === "all" ? p.invitations : p.invitations.filter((v) => v.status === p.state);
  const toRemind = p.invitations.filter(unanswered).length;
  const open = event.status !== "cancelled" && !event.anonymisedAt;
  return (
    <AdminLayout member={member} orgName={p.orgName} title={fill(t.title, { event: event.title })} section="events" scripts={[assetUrl["admin.js"]]}>
      <EventLine event={event} language={language} />
      <h1>{t.heading}</h1>
      <Notice text={p.notice} />
      {event.access !== "invitation" ? <p class="notice">{t.notInvitationEvent}</p> : null}
      {open ? <InviteForm p={p} /> : null}
      {open && p.invitations.length ? (
        <section class="card">
          {toRemind ? (
            <form method="post" action={`${invitationsPath(event.id)}/remind`}>
              <p class="hint">{t.remind.hint}</p>
              <button type="submit" class="secondary">
                {counted(language, t.remind.button, toRemind)}
              </button>
            </form>
          ) : (
            <p class="hint">{t.remind.nobody}</p>
          )}
        </section>
      ) : null}
      {p.invitations.length ? (
        <>
          <form method="get" action={invitationsPath(event.id)} class="toolbar no-print" role="search">
            <div class="field">
              <label for="f-state">{t.filter}</label>
              <select id="f-state" name="state">
                <option value="all" selected={p.state === "all"}>{`${t.states.all} (${formatNumber(p.invitations.length, language)})`}</option>
                {invitationStates.map((s) => (
                  <option value={s} selected={p.state === s}>{`${t.states[s]} (${formatNumber(counts[s], language)})`}</option>
                ))}
              </select>
            </div>
            <button type="submit">{t.filterSubmit}</button>
          </form>
          {shown.length ? (
            <div class="table-wrap">
              <table class="data invitations">
                <caption class="small">{fill(t.table.caption, { n: formatNumber(shown.length, language) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.table.email}</th>
                    <th scope="col">{t.table.name}</th>
                    <th scope="col">{t.table.organisation}</th>
                    <th scope="col">{t.table.seats}</th>
                    <th scope="col">{t.table.registered}</th>
                    <th scope="col">{t.table.state}</th>
                    <th scope="col" class="no-print">
                      {t.table.actions}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((v) => (
                    <Row p={p} v={v} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="card">{t.table.none}</p>
          )}
        </>
      ) : (
        <p class="card">{t.table.empty}</p>
      )}
    </AdminLayout>
  );
}

/** The step before revoking an invitation: whose, and what it means. */
export function RevokeInvitationPage({ member, orgName, event, invitation }: { member: Member; orgName: string; event: EventRow; invitation: InvitationView }) {
  const t = wordsFor(member).access.revoke;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="events">
      <EventLine event={event} language={member.language} />
      <h1>{t.title}</h1>
      <form method="post" action={invitationPath(event.id, invitation.id, "revoke")} class="card">
        <p>{fill(t.text, { email: invitation.email })}</p>
        <div class="actions">
          <button type="submit" class="danger">
            {t.submit}
          </button>
          <a href={invitationsPath(event.id)}>{t.keep}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
