import type { Answers, Language } from "../../../db/schema";
import type { Member } from "../../../domain/accounts";
import type { PersonalData } from "../../../domain/privacy";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { actionText } from "./auditPage";
import { formatInstant } from "./attendeeShared";
import { Instant as UtcInstant } from "./instant";
import { Input, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";

type Words = WorkspaceMessages["records"];

const answersText = (answers: Answers, t: Words) =>
  Object.entries(answers)
    .map(([id, v]) => `${id}: ${Array.isArray(v) ? v.join(", ") : typeof v === "boolean" ? (v ? t.privacy.yes : t.privacy.no) : v}`)
    .join("; ") || "—";

const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ") || "—";

/** A registration's moment on its event's own clock; "—" when none. */
const EventTime = ({ at, timeZone, language }: { at: Date | null; timeZone: string; language: Language }) =>
  at ? <time datetime={at.toISOString()}>{formatInstant(at, timeZone, language)}</time> : <>—</>;

function Registrations({ rows, t, language }: { rows: PersonalData["registrations"]; t: Words; language: Language }) {
  const p = t.privacy;
  const c = p.columns;
  if (!rows.length) return <p>{p.noRegistrations}</p>;
  return (
    <>
      <p class="small">{p.eventTimes}</p>
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{c.event}</th>
              <th scope="col">{c.status}</th>
              <th scope="col">{c.person}</th>
              <th scope="col">{c.answers}</th>
              <th scope="col">{c.signedUp}</th>
              <th scope="col">{c.consent}</th>
              <th scope="col">{c.confirmedCancelled}</th>
              <th scope="col">{c.checkedIn}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/events/${r.eventId}`}>{r.eventTitle}</a>
                  <br />
                  <span class="small">{r.timezone}</span>
                </td>
                <td>{t.exports.statuses[r.status]}</td>
                <td>{[r.name, r.email, r.organisation, r.phone].filter(Boolean).join(" · ")}</td>
                <td>{answersText(r.answers, t)}</td>
                <td>
                  <EventTime at={r.createdAt} timeZone={r.timezone} language={language} />
                </td>
                <td>
                  <EventTime at={r.consentAt} timeZone={r.timezone} language={language} />
                </td>
                <td>
                  <EventTime at={r.confirmedAt} timeZone={r.timezone} language={language} /> /{" "}
                  <EventTime at={r.cancelledAt} timeZone={r.timezone} language={language} />
                </td>
                <td>
                  <EventTime at={r.checkedInAt} timeZone={r.timezone} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Messages({ rows, t, language }: { rows: PersonalData["messages"]; t: Words; language: Language }) {
  const p = t.privacy;
  const c = p.columns;
  if (!rows.length) return <p>{p.noMessages}</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{c.kind}</th>
            <th scope="col">{c.to}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.queued}</th>
            <th scope="col">{c.sent}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr>
              <td>{p.kinds[m.kind] ?? m.kind.replace(/_/g, " ")}</td>
              <td>{m.toEmail}</td>
              <td>{p.mailStatuses[m.status] ?? m.status}</td>
              <td>
                <UtcInstant at={m.createdAt} language={language} />
              </td>
              <td>
                <UtcInstant at={m.sentAt} language={language} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Found({ data, t, language }: { data: PersonalData; t: Words; language: Language }) {
  const p = t.privacy;
  const nothing = !data.registrations.length && !data.messages.length && !data.members.length && !data.audit.length;
  if (nothing) return <p class="notice">{fill(p.nothing, { email: data.email })}</p>;
  return (
    <section aria-labelledby="found-heading">
      <div class="page-head">
        <h2 id="found-heading">{fill(p.stored, { email: data.email })}</h2>
        <div class="actions">
          <form method="post" action="/admin/privacy/export" class="inline-form">
            <input type="hidden" name="email" value={data.email} />
            <button type="submit" class="secondary">
              {p.downloadJson}
            </button>
          </form>
          <form method="post" action="/admin/privacy/erase/review" class="inline-form">
            <input type="hidden" name="email" value={data.email} />
            <button type="submit" class="danger">
              {p.erase}
            </button>
          </form>
        </div>
      </div>
      <h3>{fill(p.registrations, { n: data.registrations.length })}</h3>
      <Registrations rows={data.registrations} t={t} language={language} />
      <h3>{fill(p.messages, { n: data.messages.length })}</h3>
      <Messages rows={data.messages} t={t} language={language} />
      <h3>{fill(p.members, { n: data.members.length })}</h3>
      {data.members.length ? (
        <ul>
          {data.members.map((m) => (
            <li>
              {fill(p.memberLine, { email: m.email, name: m.name ? ` (${m.name})` : "", role: p.roles[m.role] ?? m.role, removed: m.removedAt ? p.removed : "" })}{" "}
              <UtcInstant at={m.createdAt} language={language} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{p.none}</p>
      )}
      <h3>{fill(p.auditEntries, { n: data.audit.length })}</h3>
      {data.audit.length ? (
        <ul>
          {data.audit.map((a) => (
            <li>
              <UtcInstant at={a.createdAt} language={language} /> {fill(p.auditLine, { action: actionText(a.action, t.audit), email: a.actorEmail })} — {detailText(a.detail)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{p.none}</p>
      )}
    </section>
  );
}

export function PrivacyPage({ member, orgName, state, found, notice }: { member: Member; orgName: string; state: AdminFormState; found?: PersonalData; notice?: string }) {
  const t = wordsFor(member).records;
  const p = t.privacy;
  return (
    <AdminLayout member={member} orgName={orgName} title={p.title} section="privacy">
      <h1>{p.title}</h1>
      <Notice text={notice} />
      <p>{p.intro}</p>
      <form method="post" action="/admin/privacy" class="card" novalidate>
        <ErrorSummary errors={state.errors} language={member.language} />
        <div class="toolbar">
          <Input state={state} name="email" type="email" label={p.email} hint={p.emailHint} required autocomplete="off" />
          <button type="submit">{p.search}</button>
        </div>
      </form>
      {found ? <Found data={found} t={t} language={member.language} /> : null}
    </AdminLayout>
  );
}

export function ErasePage({ member, orgName, plan, email }: { member: Member; orgName: string; email: string; plan: { registrations: PersonalData["registrations"]; messages: PersonalData["messages"]; members: PersonalData["members"] } }) {
  const words = wordsFor(member);
  const t = words.records;
  const p = t.privacy;
  const language = member.language;
  const seats = plan.registrations.filter((r) => r.status === "confirmed").length;
  const nothing = !plan.registrations.length && !plan.messages.length;
  const which = plan.registrations.map((r) => `${r.eventTitle} (${t.exports.statuses[r.status].toLowerCase()})`).join(", ");
  return (
    <AdminLayout member={member} orgName={orgName} title={p.eraseTitle} section="privacy">
      <h1>{fill(p.eraseHeading, { email })}</h1>
      {nothing ? (
        <form method="post" action="/admin/privacy">
          <p class="notice">{p.nothingToErase}</p>
          <input type="hidden" name="email" value={email} />
          <button type="submit" class="secondary">
            {p.backToStored}
          </button>
        </form>
      ) : (
        <form method="post" action="/admin/privacy/erase" class="card">
          <input type="hidden" name="email" value={email} />
          <p>{p.deletes}</p>
          <ul>
            <li>
              {plural(language, p.eraseRegistrations, plan.registrations.length)}
              {which ? `: ${which}` : ""}
              {p.eraseRegistrationsEnd}
            </li>
            <li>{plural(language, p.eraseMessages, plan.messages.length)}</li>
            <li>{p.eraseAudit}</li>
          </ul>
          {seats ? <p>{plural(language, p.freedSeats, seats)}</p> : null}
          <p>{p.nobodyTold}</p>
          {plan.members.length ? (
            <p>
              {p.memberStays}
              <a href="/admin/members">{words.shell.sections.members}</a>
              {p.memberStaysEnd}
            </p>
          ) : null}
          <div class="actions">
            <button type="submit" class="danger">
              {p.eraseButton}
            </button>
            {/* Back to what is stored, by POST as well: the address stays out of the URL. */}
            <button type="submit" formaction="/admin/privacy" class="secondary">
              {p.cancel}
            </button>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
