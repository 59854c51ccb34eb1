import type { EventRow, EventWithCounts } from "../../../domain/events";
import { BROWSE_PAGE, checkinRefusal, doorIsOpen, type ArrivalRow, type CheckinCounts } from "../../../domain/checkin";
import { formatWhen } from "../../../i18n/format";
import type { Member } from "../../../domain/accounts";
import { reasonText } from "./errors";
import { AdminLayout, ErrorSummary } from "./layout";
import { Checkbox, Input, type AdminFormState } from "./fields";
import { assetUrl } from "../assets";

const when = (e: EventRow) => formatWhen(e.startsAt, e.endsAt, e.timezone, "en");

export const deskPath = (eventId: string) => `/admin/events/${encodeURIComponent(eventId)}/checkin`;

function EventList({ rows }: { rows: EventWithCounts[] }) {
  return (
    <ul class="checkin-events">
      {rows.map(({ event, confirmed }) => (
        <li>
          <a href={deskPath(event.id)}>
            <strong>{event.title}</strong>
            <span class="small">{when(event)}</span>
            <span class="small">{`${confirmed} confirmed`}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** /admin/checkin: which event is at the door now. */
export function CheckinPickPage(props: { member: Member; orgName: string; current: EventWithCounts[]; past: EventWithCounts[] }) {
  return (
    <AdminLayout member={props.member} orgName={props.orgName} title="Check-in" section="checkin">
      <h1>Check-in</h1>
      <h2>Today and coming days</h2>
      {props.current.length ? <EventList rows={props.current} /> : <p>No published events in the coming two weeks.</p>}
      <h2>Recent events</h2>
      {props.past.length ? <EventList rows={props.past} /> : <p>No events in the last 30 days.</p>}
    </AdminLayout>
  );
}

export function Counts({ counts }: { counts: CheckinCounts }) {
  return (
    <ul class="stats checkin-stats" id="checkin-counts">
      <li>
        <strong data-count="checkedIn">{counts.checkedIn}</strong> checked in of <span data-count="confirmed">{counts.confirmed}</span> confirmed
      </li>
      {counts.ended ? (
        <>
          <li>
            <strong data-count="attended">{counts.checkedIn}</strong> attended
          </li>
          <li>
            <strong data-count="noShow">{counts.noShow}</strong> no-show
          </li>
        </>
      ) : null}
      <li>
        <strong data-count="waitlisted">{counts.waitlisted}</strong> on the waitlist
      </li>
    </ul>
  );
}

const statusText = (p: ArrivalRow) =>
  p.status === "cancelled"
    ? "Cancelled"
    : p.status === "waitlisted"
      ? "Waitlisted – no seat"
      : p.status === "offered"
        ? "Offered a seat – not accepted yet"
        : p.checkedInAt
          ? "Checked in"
          : "Not checked in";

/** One person with the one big button; a form of its own, so it works without script. */
function PersonRow({ p, eventId, q }: { p: ArrivalRow; eventId: string; q: string }) {
  const undo = p.canUndo;
  return (
    <li class={`arrival ${p.checkedInAt ? "in" : ""} ${p.checkable ? "" : "off"}`} data-id={p.id}>
      <div class="who">
        <strong>{p.name}</strong>
        {p.organisation ? <span class="small">{p.organisation}</span> : null}
        <span class={`badge ${p.status === "cancelled" ? "bad" : p.status === "waitlisted" || p.status === "offered" ? "wait" : p.checkedInAt ? "" : "none"}`}>{statusText(p)}</span>
      </div>
      {p.checkable ? (
        <form method="post" action={`${deskPath(eventId)}/r/${encodeURIComponent(p.id)}${undo ? "/undo" : ""}`} class="tap">
          <input type="hidden" name="q" value={q} />
          <button type="submit" class={undo ? "secondary" : undefined} aria-label={`${undo ? "Undo check-in of" : "Check in"} ${p.name}`}>
            {undo ? "Undo" : "Check in"}
          </button>
        </form>
      ) : null}
    </li>
  );
}

export interface DeskProps {
  member: Member;
  orgName: string;
  event: EventRow;
  counts: CheckinCounts;
  q: string;
  results: ArrivalRow[];
  more: boolean;
  /** Browsing everyone with a seat (no search): the last person shown, when more follow. */
  next: string | null;
  browsing: boolean;
  /** What the last action did, said in the live region. */
  notice?: { text: string; ok: boolean };
  /** The typed code and why it was refused. */
  code?: { value: string; error: string };
  /** A walk-in the door tried to add, and why it was refused. */
  walkIn?: AdminFormState & { problem?: string };
}

/** Someone at the door who never signed up: added and checked in in one go. */
function WalkIn({ base, state }: { base: string; state?: DeskProps["walkIn"] }) {
  const form = state ?? { values: {}, errors: {} };
  return (
    <details class="walk-in card" open={state ? true : undefined}>
      <summary>
        <h2>Add a walk-in</h2>
      </summary>
      {state?.problem ? (
        <p class="notice bad" role="alert">
          {state.problem}
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} />
      <form method="post" action={`${base}/walk-in`} novalidate>
        <Input state={form} name="name" label="Name" required autocomplete="off" />
        <Input state={form} name="email" type="email" label="Email" required autocomplete="off" />
        <Input state={form} name="organisation" label="Organisation" hint="Optional." autocomplete="off" />
        <Checkbox state={form} name="override" label="Seat beyond capacity" hint="Only if the event is full; recorded as over capacity." />
        <Checkbox state={form} name="sendEmail" label="Email them a confirmation" />
        <button type="submit">Add and check in</button>
      </form>
    </details>
  );
}

/** What the list under the search says: the same words as the door's script (checkinScript.ts). */
const hintText = (p: Pick<DeskProps, "q" | "results" | "more" | "browsing">) =>
  p.q && !p.results.length
    ? "Nobody found."
    : p.more && !p.browsing
      ? "More people match: type more of the name."
      : p.browsing && !p.results.length
        ? "Nobody has a seat yet."
        : p.browsing
          ? "Everyone with a seat, by name. Type part of a name to find someone."
          : "";

/** /admin/events/:id/checkin: the door, on a phone or tablet. */
export function CheckinDeskPage(p: DeskProps) {
  const base = deskPath(p.event.id);
  const errors: Record<string, string> = p.code ? { code: p.code.error } : {};
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title={`Check-in: ${p.event.title}`} section="checkin" scripts={[assetUrl["checkin.js"]]}>
      <div class="checkin-desk" data-base={base}>
        <div class="page-head">
          <h1>{p.event.title}</h1>
          <a href="/admin/checkin">Other events</a>
        </div>
        <p class="small">{when(p.event)}</p>
        {doorIsOpen(p.event) ? null : <p class="notice wait">{reasonText("checkin_event_cancelled")}</p>}
        <Counts counts={p.counts} />
        <p id="checkin-live" class={`notice checkin-live ${p.notice ? (p.notice.ok ? "ok" : "wait") : "idle"}`} role="status" aria-live="polite">
          {p.notice?.text ?? ""}
        </p>
        <ErrorSummary errors={errors} />
        <form method="get" action={base} class="checkin-search" role="search">
          <label for="f-q">Find a person</label>
          <div class="row">
            <input type="search" id="f-q" name="q" value={p.q} autocomplete="off" autocapitalize="words" spellcheck={false} placeholder="Name, organisation or email" />
            <button type="submit">Search</button>
          </div>
        </form>
        <ul class="arrivals" id="arrivals" aria-label={p.browsing ? "Everyone with a seat, by name" : "People found"}>
          {p.results.map((r) => (
            <PersonRow p={r} eventId={p.event.id} q={p.q} />
          ))}
        </ul>
        <p class="small" id="arrivals-hint">
          {hintText(p)}
        </p>
        <p id="arrivals-next" hidden={!p.next}>
          {p.next ? <a href={`${base}?after=${encodeURIComponent(p.next)}`}>Next {BROWSE_PAGE} by name</a> : null}
        </p>
        {doorIsOpen(p.event) ? <WalkIn base={base} state={p.walkIn} /> : null}
        <section class="checkin-code" aria-labelledby="code-title">
          <h2 id="code-title">Check in by code</h2>
          <button type="button" id="scan" class="scan" hidden>
            Scan QR code
          </button>
          <div id="scanner" class="scanner" hidden>
            <video id="scan-video" playsinline muted></video>
            <button type="button" id="scan-stop" class="secondary">
              Stop scanning
            </button>
          </div>
          <form method="post" action={`${base}/code`} id="code-form">
            <label for="f-code">Code from the email or the attendee's page</label>
            {p.code ? <p class="field-error">{p.code.error}</p> : null}
            <div class="row">
              <input
                type="text"
                id="f-code"
                name="code"
                value={p.code?.value ?? ""}
                autocomplete="off"
                autocapitalize="characters"
                spellcheck={false}
                placeholder="ABCDE-12345"
                maxlength={100}
                aria-invalid={p.code ? "true" : undefined}
              />
              <button type="submit">Check in</button>
            </div>
          </form>
        </section>
      </div>
    </AdminLayout>
  );
}

/** /admin/c/:code: what a phone's own camera opened — the person and one button. */
export function ScannedPage(props: {
  member: Member;
  orgName: string;
  event: EventRow;
  person: ArrivalRow;
  action: string;
  notice?: string;
}) {
  const { event, person } = props;
  const refusal = checkinRefusal(person, event);
  return (
    <AdminLayout member={props.member} orgName={props.orgName} title={`Check-in: ${person.name}`} section="checkin">
      <div class="checkin-desk">
        <p id="checkin-live" class={`notice checkin-live ${props.notice ? "ok" : "idle"}`} role="status" aria-live="polite">
          {props.notice ?? ""}
        </p>
        <h1>{person.name}</h1>
        {person.organisation ? <p>{person.organisation}</p> : null}
        <p>
          <strong>{event.title}</strong>
          <br />
          <span class="small">{when(event)}</span>
        </p>
        {refusal ? (
          <p class="notice wait">{reasonText(refusal)}</p>
        ) : person.checkedInAt ? (
          <p class="badge">Checked in</p>
        ) : (
          <form method="post" action={props.action} class="tap">
            <button type="submit" class="big">
              Check in
            </button>
          </form>
        )}
        <p>
          <a href={deskPath(event.id)}>Open the check-in list of this event</a>
        </p>
      </div>
    </AdminLayout>
  );
}
