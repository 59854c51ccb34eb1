import type { Member } from "../../../domain/accounts";
import type { MailHealthPage, MailProblem } from "../../../domain/outbox";
import type { OutboxKind } from "../../../db/schema";
import { Input } from "./fields";
import { Instant } from "./instant";
import { AdminLayout, ErrorSummary, Notice } from "./layout";

const kindLabel: Record<OutboxKind, string> = {
  confirmed: "Confirmation",
  waitlisted: "Waitlist place",
  promoted: "Seat from the waitlist",
  offered: "Offer of a seat",
  expired: "Offer expired",
  offer_withdrawn: "Offer withdrawn",
  cancelled: "Cancellation",
  event_updated: "Event changed",
  event_cancelled: "Event cancelled",
  manage_link: "Manage link",
  reminder: "Reminder",
  organiser_message: "Message from the organisers",
  login_link: "Sign-in link",
};

/** While the mail server refuses the service's own settings: nothing goes out until they are fixed. */
export function HeldWarning({ held }: { held: MailHealthPage["held"] }) {
  if (!held) return null;
  return (
    <p class="notice bad" role="alert">
      Emails are not going out: since <Instant at={new Date(held.since)} /> the mail server has refused this service's mail settings.
      Nothing is lost: everything waiting goes out once they are fixed (next try <Instant at={new Date(held.until)} />). Tell whoever runs
      Plats; the server log says why.
    </p>
  );
}

function ResendOne({ m }: { m: MailProblem }) {
  return (
    <form method="post" action="/admin/mail/resend" class="inline-form">
      <input type="hidden" name="message" value={m.id} />
      <button type="submit" class="secondary" aria-label={`Send again: ${kindLabel[m.kind]} to ${m.toEmail}`}>
        {m.state === "failed" ? "Send again" : "Try now"}
      </button>
    </form>
  );
}

function Messages({ messages }: { messages: MailProblem[] }) {
  return (
    <div class="table-wrap">
      <table class="data mail">
        <thead>
          <tr>
            <th scope="col">Written</th>
            <th scope="col">To</th>
            <th scope="col">Email</th>
            <th scope="col">State</th>
            <th scope="col">The mail server said</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr id={m.id}>
              <td>
                <Instant at={m.createdAt} />
              </td>
              <td>
                {m.toName ? <>{m.toName} </> : null}
                <span class="small">&lt;{m.toEmail}&gt;</span>
              </td>
              <td>
                {kindLabel[m.kind]}
                {m.eventTitle ? (
                  <>
                    {" · "}
                    <a href={`/admin/events/${m.eventId}${m.registrationId ? `#${m.registrationId}` : ""}`}>{m.eventTitle}</a>
                  </>
                ) : null}
              </td>
              <td>
                {m.state === "failed" ? (
                  <span class="badge bad">Failed</span>
                ) : (
                  <>
                    <span class="badge wait">Trying again</span> <Instant at={m.nextAttemptAt} />
                  </>
                )}
                <br />
                <span class="small">{m.attempts === 1 ? "1 attempt" : `${m.attempts} attempts`}</span>
              </td>
              <td class="detail">{m.reason ?? "—"}</td>
              <td>
                <ResendOne m={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ByEvent({ rows, current }: { rows: MailHealthPage["byEvent"]; current: string | null }) {
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col" class="num">
              Failed
            </th>
            <th scope="col" class="num">
              Trying again
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>
                {r.eventId ? (
                  <a href={`/admin/mail?event=${r.eventId}`} aria-current={r.eventId === current ? "page" : undefined}>
                    {r.title ?? r.eventId}
                  </a>
                ) : (
                  "No event (sign-in links)"
                )}
              </td>
              <td class="num">{r.failed}</td>
              <td class="num">{r.waiting}</td>
              <td>
                {r.eventId && r.failed ? (
                  <form method="post" action="/admin/mail/resend" class="inline-form">
                    <input type="hidden" name="event" value={r.eventId} />
                    <button type="submit" class="secondary">
                      Send all {r.failed} again
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Mail that did not arrive (/admin/mail): per event and overall, with the server's reason and "send again". */
export function MailPage(p: { member: Member; orgName: string; health: MailHealthPage; notice?: string; since?: string; errors?: Record<string, string> }) {
  const { health } = p;
  const errors = p.errors ?? {};
  const older = health.nextBefore
    ? `/admin/mail?${new URLSearchParams({ before: String(health.nextBefore), ...(health.event ? { event: health.event } : {}) })}`
    : null;
  const failed = health.byEvent.reduce((n, r) => n + r.failed, 0);
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title="Mail" section="mail">
      <h1>Mail that did not arrive</h1>
      <p>
        Confirmations, invites and other emails the mail server refused. A refused mailbox (a mistyped address) fails at once; anything else is
        tried again for up to three days. Times are in UTC.
      </p>
      <Notice text={p.notice} />
      <HeldWarning held={health.held} />
      {failed || Object.keys(errors).length ? (
        <form method="post" action="/admin/mail/resend" class="toolbar" novalidate>
          <ErrorSummary errors={errors} />
          <Input state={{ values: { since: p.since ?? "" }, errors }} name="since" type="datetime-local" label="Send again every failed email written since (UTC)" />
          <button type="submit" class="secondary">
            Send them again
          </button>
        </form>
      ) : null}
      {health.byEvent.length ? (
        <>
          <h2>By event</h2>
          <ByEvent rows={health.byEvent} current={health.event} />
          <h2 class="spaced">{health.event ? "Emails of this event" : "All emails"}</h2>
          {health.event ? (
            <p>
              <a href="/admin/mail">Show every event</a>
            </p>
          ) : null}
          {health.messages.length ? <Messages messages={health.messages} /> : <p class="notice">Nothing here.</p>}
          {older ? (
            <p class="actions">
              <a href={older}>Older emails</a>
            </p>
          ) : null}
        </>
      ) : (
        <p class="notice ok">No email has been refused: nothing failed, nothing waits to be tried again.</p>
      )}
    </AdminLayout>
  );
}
