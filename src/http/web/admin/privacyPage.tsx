import type { Answers } from "../../../db/schema";
import type { Member } from "../../../domain/accounts";
import type { PersonalData } from "../../../domain/privacy";
import { Instant as EventInstant } from "./attendeeShared";
import { Input, type AdminFormState } from "./fields";
import { Instant } from "./instant";
import { AdminLayout, ErrorSummary, Notice } from "./layout";

const answersText = (answers: Answers) =>
  Object.entries(answers)
    .map(([id, v]) => `${id}: ${Array.isArray(v) ? v.join(", ") : typeof v === "boolean" ? (v ? "yes" : "no") : v}`)
    .join("; ") || "—";

const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ") || "—";

/** A registration's moment on its event's own clock, as the attendance list shows it; "—" when none. */
const EventTime = ({ at, timeZone }: { at: Date | null; timeZone: string }) => (at ? <EventInstant at={at} timeZone={timeZone} /> : <>—</>);

function Registrations({ rows }: { rows: PersonalData["registrations"] }) {
  if (!rows.length) return <p>No registrations.</p>;
  return (
    <>
      <p class="small">Times are on each event's own clock (its time zone under its title); the rest of this page is in UTC.</p>
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Name, organisation, phone</th>
              <th scope="col">Answers</th>
              <th scope="col">Signed up</th>
              <th scope="col">Consent</th>
              <th scope="col">Confirmed / cancelled</th>
              <th scope="col">Checked in</th>
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
                <td>{r.status}</td>
                <td>{[r.name, r.email, r.organisation, r.phone].filter(Boolean).join(" · ")}</td>
                <td>{answersText(r.answers)}</td>
                <td>
                  <EventTime at={r.createdAt} timeZone={r.timezone} />
                </td>
                <td>
                  <EventTime at={r.consentAt} timeZone={r.timezone} />
                </td>
                <td>
                  <EventTime at={r.confirmedAt} timeZone={r.timezone} /> / <EventTime at={r.cancelledAt} timeZone={r.timezone} />
                </td>
                <td>
                  <EventTime at={r.checkedInAt} timeZone={r.timezone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Messages({ rows }: { rows: PersonalData["messages"] }) {
  if (!rows.length) return <p>No messages.</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col">Queued</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr>
              <td>{m.kind.replace(/_/g, " ")}</td>
              <td>{m.toEmail}</td>
              <td>{m.status}</td>
              <td>
                <Instant at={m.createdAt} />
              </td>
              <td>
                <Instant at={m.sentAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Found({ data }: { data: PersonalData }) {
  const nothing = !data.registrations.length && !data.messages.length && !data.members.length && !data.audit.length;
  if (nothing) return <p class="notice">Nothing is stored about {data.email} in this organisation.</p>;
  return (
    <section aria-labelledby="found-heading">
      <div class="page-head">
        <h2 id="found-heading">Stored about {data.email}</h2>
        <div class="actions">
          <form method="post" action="/admin/privacy/export" class="inline-form">
            <input type="hidden" name="email" value={data.email} />
            <button type="submit" class="secondary">
              Download as JSON
            </button>
          </form>
          <form method="post" action="/admin/privacy/erase/review" class="inline-form">
            <input type="hidden" name="email" value={data.email} />
            <button type="submit" class="danger">
              Erase…
            </button>
          </form>
        </div>
      </div>
      <h3>Registrations ({data.registrations.length})</h3>
      <Registrations rows={data.registrations} />
      <h3>Messages ({data.messages.length})</h3>
      <Messages rows={data.messages} />
      <h3>Member accounts ({data.members.length})</h3>
      {data.members.length ? (
        <ul>
          {data.members.map((m) => (
            <li>
              {m.email} {m.name ? `(${m.name})` : ""} — {m.role}
              {m.removedAt ? ", removed" : ""}, added <Instant at={m.createdAt} />
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
      <h3>Audit entries about them ({data.audit.length})</h3>
      {data.audit.length ? (
        <ul>
          {data.audit.map((a) => (
            <li>
              <Instant at={a.createdAt} /> {a.action} by {a.actorEmail} — {detailText(a.detail)}
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}
    </section>
  );
}

export function PrivacyPage({ member, orgName, state, found, notice }: { member: Member; orgName: string; state: AdminFormState; found?: PersonalData; notice?: string }) {
  return (
    <AdminLayout member={member} orgName={orgName} title="Personal data" section="privacy">
      <h1>Personal data</h1>
      <Notice text={notice} />
      <p>Find everything stored about one person in this organisation, to answer a request for access, a copy or erasure.</p>
      <form method="post" action="/admin/privacy" class="card" novalidate>
        <ErrorSummary errors={state.errors} />
        <div class="toolbar">
          <Input state={state} name="email" type="email" label="Email address" hint="Upper and lower case do not matter." required autocomplete="off" />
          <button type="submit">Search</button>
        </div>
      </form>
      {found ? <Found data={found} /> : null}
    </AdminLayout>
  );
}

export function ErasePage({ member, orgName, plan, email }: { member: Member; orgName: string; email: string; plan: { registrations: PersonalData["registrations"]; messages: PersonalData["messages"]; members: PersonalData["members"] } }) {
  const seats = plan.registrations.filter((r) => r.status === "confirmed").length;
  const nothing = !plan.registrations.length && !plan.messages.length;
  return (
    <AdminLayout member={member} orgName={orgName} title="Erase personal data" section="privacy">
      <h1>Erase {email}?</h1>
      {nothing ? (
        <form method="post" action="/admin/privacy">
          <p class="notice">There are no registrations or messages to erase for this address.</p>
          <input type="hidden" name="email" value={email} />
          <button type="submit" class="secondary">
            Back to what is stored
          </button>
        </form>
      ) : (
        <form method="post" action="/admin/privacy/erase" class="card">
          <input type="hidden" name="email" value={email} />
          <p>This deletes, for good:</p>
          <ul>
            <li>
              {plan.registrations.length} registration(s)
              {plan.registrations.length ? `: ${plan.registrations.map((r) => `${r.eventTitle} (${r.status})`).join(", ")}` : ""}, with their answers and manage links;
            </li>
            <li>{plan.messages.length} message(s) to the address, sent or waiting;</li>
            <li>the details of audit entries about those registrations (the entries themselves stay).</li>
          </ul>
          {seats ? <p>{seats} confirmed seat(s) are freed: where people are waiting, the first on the waitlist get them and are told at once.</p> : null}
          <p>Nobody is emailed about the erasure. The audit log records it without the address.</p>
          {plan.members.length ? (
            <p>
              The address also belongs to a member account, which stays; remove it under <a href="/admin/members">Members</a>.
            </p>
          ) : null}
          <div class="actions">
            <button type="submit" class="danger">
              Erase
            </button>
            {/* Back to what is stored, by POST as well: the address stays out of the URL. */}
            <button type="submit" formaction="/admin/privacy" class="secondary">
              Cancel
            </button>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
