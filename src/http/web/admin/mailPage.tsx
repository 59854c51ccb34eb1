import type { Member } from "../../../domain/accounts";
import type { MailHealthPage, MailProblem } from "../../../domain/outbox";
import type { Language } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import { workspaceMessages, type WorkspaceMessages } from "../../../i18n/workspace";
import { Input } from "./fields";
import { Instant } from "./instant";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";

type Words = WorkspaceMessages["organisation"]["mail"];

/** While the mail server refuses the service's own settings: nothing goes out until they are fixed. */
export function HeldWarning({ held, language }: { held: MailHealthPage["held"]; language: Language }) {
  if (!held) return null;
  const t = workspaceMessages(language).organisation.mail.held;
  return (
    <p class="notice bad" role="alert">
      {t.before}
      <Instant at={new Date(held.since)} language={language} />
      {t.between}
      <Instant at={new Date(held.until)} language={language} />
      {t.after}
    </p>
  );
}

function ResendOne({ m, t }: { m: MailProblem; t: Words }) {
  return (
    <form method="post" action="/admin/mail/resend" class="inline-form">
      <input type="hidden" name="message" value={m.id} />
      <button type="submit" class="secondary" aria-label={fill(t.resendLabel, { kind: t.kinds[m.kind], email: m.toEmail })}>
        {m.state === "failed" ? t.sendAgain : t.tryNow}
      </button>
    </form>
  );
}

function Messages({ messages, t, language }: { messages: MailProblem[]; t: Words; language: Language }) {
  return (
    <div class="table-wrap">
      <table class="data mail">
        <thead>
          <tr>
            <th scope="col">{t.written}</th>
            <th scope="col">{t.to}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.state}</th>
            <th scope="col">{t.serverSaid}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr id={m.id}>
              <td>
                <Instant at={m.createdAt} language={language} />
              </td>
              <td>
                {m.toName ? <>{m.toName} </> : null}
                <span class="small">&lt;{m.toEmail}&gt;</span>
              </td>
              <td>
                {t.kinds[m.kind]}
                {m.eventTitle ? (
                  <>
                    {" · "}
                    <a href={`/admin/events/${m.eventId}${m.registrationId ? `#${m.registrationId}` : ""}`}>{m.eventTitle}</a>
                  </>
                ) : null}
              </td>
              <td>
                {m.state === "failed" ? (
                  <span class="badge bad">{t.failed}</span>
                ) : (
                  <>
                    <span class="badge wait">{t.tryingAgain}</span> <Instant at={m.nextAttemptAt} language={language} />
                  </>
                )}
                <br />
                <span class="small">{plural(language, t.attempts, m.attempts)}</span>
              </td>
              <td class="detail">{m.reason ?? "—"}</td>
              <td>
                <ResendOne m={m} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ByEvent({ rows, current, t, language }: { rows: MailHealthPage["byEvent"]; current: string | null; t: Words; language: Language }) {
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t.event}</th>
            <th scope="col" class="num">
              {t.failed}
            </th>
            <th scope="col" class="num">
              {t.tryingAgain}
            </th>
            <th scope="col">{t.actions}</th>
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
                  t.noEvent
                )}
              </td>
              <td class="num">{r.failed}</td>
              <td class="num">{r.waiting}</td>
              <td>
                {r.eventId && r.failed ? (
                  <form method="post" action="/admin/mail/resend" class="inline-form">
                    <input type="hidden" name="event" value={r.eventId} />
                    <button type="submit" class="secondary">
                      {plural(language, t.sendAllAgain, r.failed)}
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
  const language = p.member.language;
  const t = wordsFor(p.member).organisation.mail;
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title={t.title} section="mail">
      <h1>{t.heading}</h1>
      <p>{t.intro}</p>
      <Notice text={p.notice} />
      <HeldWarning held={health.held} language={language} />
      {failed || Object.keys(errors).length ? (
        <form method="post" action="/admin/mail/resend" class="toolbar" novalidate>
          <ErrorSummary errors={errors} language={language} />
          <Input state={{ values: { since: p.since ?? "" }, errors }} name="since" type="datetime-local" label={t.since} />
          <button type="submit" class="secondary">
            {t.sendThemAgain}
          </button>
        </form>
      ) : null}
      {health.byEvent.length ? (
        <>
          <h2>{t.byEvent}</h2>
          <ByEvent rows={health.byEvent} current={health.event} t={t} language={language} />
          <h2 class="spaced">{health.event ? t.ofThisEvent : t.all}</h2>
          {health.event ? (
            <p>
              <a href="/admin/mail">{t.showAll}</a>
            </p>
          ) : null}
          {health.messages.length ? <Messages messages={health.messages} t={t} language={language} /> : <p class="notice">{t.nothing}</p>}
          {older ? (
            <p class="actions">
              <a href={older}>{t.older}</a>
            </p>
          ) : null}
        </>
      ) : (
        <p class="notice ok">{t.allClear}</p>
      )}
    </AdminLayout>
  );
}
