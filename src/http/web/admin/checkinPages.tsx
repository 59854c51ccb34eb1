import type { EventRow } from "../../../domain/events";
import { BROWSE_PAGE, checkinRefusal, doorIsOpen, type ArrivalRow, type CheckinCounts } from "../../../domain/checkin";
import type { Child } from "hono/jsx";
import type { Language } from "../../../db/schema";
import { formatNumber, formatWhen } from "../../../i18n/format";
import { fill, localeTag } from "../../../i18n/messages";
import type { Member } from "../../../domain/accounts";
import { reasonText } from "./errors";
import { AdminLayout, ErrorSummary, wordsFor } from "./layout";
import { Checkbox, Input, type AdminFormState } from "./fields";
import { assetUrl } from "../assets";
import type { SessionView } from "../../../domain/programme";
import { doorBadgeClass, doorStatusText, SessionPick, sessionTime, withSession, type DoorRow } from "./checkinSessionParts";

const when = (e: EventRow, language: Language) => formatWhen(e.startsAt, e.endsAt, e.timezone, language);

/** A catalogue line with elements in place of its `{placeholders}` (the counts' numbers). */
const withParts = (template: string, parts: Record<string, Child>) =>
  template.split(/\{(\w+)\}/).map((piece, i) => (i % 2 ? parts[piece] : piece));

export const deskPath = (eventId: string) => `/admin/events/${encodeURIComponent(eventId)}/checkin`;

/** The counts at the top of the door; the script updates the numbers in place (data-count). */
function Counts({ counts, language }: { counts: CheckinCounts; language: Language }) {
  const t = wordsFor({ language }).checkin.counts;
  const n = (key: string, value: number, Tag: "strong" | "span" = "strong") => <Tag data-count={key}>{formatNumber(value, language)}</Tag>;
  // A count's number before the rest of its line: "{count} uteblev".
  const line = (template: string, key: string, value: number) => withParts(template, { count: n(key, value) });
  return (
    <ul class="stats checkin-stats" id="checkin-counts">
      <li>{withParts(t.checkedIn, { checkedIn: n("checkedIn", counts.checkedIn), confirmed: n("confirmed", counts.confirmed, "span") })}</li>
      {counts.ended ? (
        <>
          <li>{line(t.attended, "attended", counts.checkedIn)}</li>
          <li>{line(t.noShow, "noShow", counts.noShow)}</li>
        </>
      ) : null}
      <li>{line(t.waitlisted, "waitlisted", counts.waitlisted)}</li>
    </ul>
  );
}

/** One person with the one big button; a form of its own, so it works without script. */
function PersonRow({ p, eventId, q, session, language }: { p: DoorRow; eventId: string; q: string; session: SessionView | null; language: Language }) {
  const words = wordsFor({ language });
  const t = words.checkin;
  const undo = p.canUndo;
  return (
    <li class={`arrival ${p.checkedInAt ? "in" : ""} ${p.checkable ? "" : "off"}`} data-id={p.id}>
      <div class="who">
        <strong>{p.name}</strong>
        {p.organisation ? <span class="small">{p.organisation}</span> : null}
        <span class={`badge ${doorBadgeClass(p)}`}>{doorStatusText(p, t.status, words.sessionDesk.door)}</span>
      </div>
      {p.checkable ? (
        <form method="post" action={withSession(`${deskPath(eventId)}/r/${encodeURIComponent(p.id)}${undo ? "/undo" : ""}`, session)} class="tap">
          <input type="hidden" name="q" value={q} />
          <button type="submit" class={undo ? "secondary" : undefined} aria-label={fill(undo ? t.undoName : t.checkInName, { name: p.name })}>
            {undo ? t.undo : t.checkIn}
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
  results: DoorRow[];
  /** The session the door checks people in to; null: the whole event. */
  session: SessionView | null;
  /** The event's sessions that go ahead, to pick from (none without a programme). */
  sessions: SessionView[];
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
function WalkIn({ base, state, language }: { base: string; state?: DeskProps["walkIn"]; language: Language }) {
  const t = wordsFor({ language }).checkin.walkIn;
  const form = state ?? { values: {}, errors: {} };
  return (
    <details class="walk-in card" open={state ? true : undefined}>
      <summary>
        <h2>{t.heading}</h2>
      </summary>
      {state?.problem ? (
        <p class="notice bad" role="alert">
          {state.problem}
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} language={language} />
      <form method="post" action={`${base}/walk-in`} novalidate>
        <Input state={form} name="firstName" label={t.firstName} required autocomplete="off" />
        <Input state={form} name="lastName" label={t.lastName} required autocomplete="off" />
        <Input state={form} name="email" type="email" label={t.email} required autocomplete="off" />
        <Input state={form} name="organisation" label={t.organisation} hint={t.optional} autocomplete="off" />
        <Checkbox state={form} name="override" label={t.override} hint={t.overrideHint} />
        <Checkbox state={form} name="sendEmail" label={t.sendEmail} />
        <button type="submit">{t.submit}</button>
      </form>
    </details>
  );
}

/** What the list under the search says: the same words as the door's script (checkinScript.ts). */
const hintText = (p: Pick<DeskProps, "q" | "results" | "more" | "browsing">, t: DeskWords) =>
  p.q && !p.results.length ? t.nobodyFound : p.more && !p.browsing ? t.moreMatch : p.browsing && !p.results.length ? t.nobodyHasSeat : p.browsing ? t.browsing : "";

type DeskWords = ReturnType<typeof wordsFor>["checkin"]["desk"];

/**
 * The words the door's script says, in the member's language: a JSON block it reads
 * (the CSP allows no inline script; a block of data is not run). `<` is escaped so that
 * no name or title can end the block.
 */
function ScriptWords({ language, timeZone, desk }: { language: Language; timeZone: string; desk: DeskWords }) {
  const t = wordsFor({ language }).checkin;
  const words = {
    session: wordsFor({ language }).sessionDesk.door,
    locale: localeTag[language],
    timeZone,
    status: t.status,
    checkIn: t.checkIn,
    undo: t.undo,
    checkInName: t.checkInName,
    undoName: t.undoName,
    desk: { ...desk, next: fill(desk.next, { n: BROWSE_PAGE }) },
    notice: t.notice,
  };
  const json = JSON.stringify(words).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return <script type="application/json" id="checkin-words" dangerouslySetInnerHTML={{ __html: json }}></script>;
}

/** /admin/events/:id/checkin: the door, on a phone or tablet. */
export function CheckinDeskPage(p: DeskProps) {
  const base = deskPath(p.event.id);
  const { language } = p.member;
  const t = wordsFor(p.member).checkin;
  const s = wordsFor(p.member).sessionDesk.door;
  const { session } = p;
  // At a session's door, the list is of the session's seats.
  const desk: DeskWords = session ? { ...t.desk, listBrowsing: s.listBrowsing, nobodyHasSeat: s.nobodyHasSeat, browsing: s.browsing } : t.desk;
  const errors: Record<string, string> = p.code ? { code: p.code.error } : {};
  const title = fill(t.desk.title, { event: session ? `${session.title} – ${p.event.title}` : p.event.title });
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title={title} section="checkin" scripts={[assetUrl["checkin.js"]]}>
      <ScriptWords language={language} timeZone={p.event.timezone} desk={desk} />
      <div class="checkin-desk" data-base={base} data-session={session?.id}>
        <div class="page-head">
          <h1>{p.event.title}</h1>
          <a href="/admin/checkin">{t.desk.otherEvents}</a>
        </div>
        <p class="small">{when(p.event, language)}</p>
        {p.sessions.length ? <SessionPick base={base} sessions={p.sessions} session={session} event={p.event} language={language} /> : null}
        {session ? (
          <>
            <h2 class="door-session">{fill(s.heading, { session: session.title })}</h2>
            <p class="small">{sessionTime(session, p.event, language)}</p>
          </>
        ) : null}
        {doorIsOpen(p.event) ? null : <p class="notice wait">{reasonText("checkin_event_cancelled", language)}</p>}
        <Counts counts={p.counts} language={language} />
        <p id="checkin-live" class={`notice checkin-live ${p.notice ? (p.notice.ok ? "ok" : "wait") : "idle"}`} role="status" aria-live="polite">
          {p.notice?.text ?? ""}
        </p>
        <ErrorSummary errors={errors} language={language} />
        <form method="get" action={base} class="checkin-search" role="search">
          {session ? <input type="hidden" name="session" value={session.id} /> : null}
          <label for="f-q">{t.desk.find}</label>
          <div class="row">
            <input type="search" id="f-q" name="q" value={p.q} autocomplete="off" autocapitalize="words" spellcheck={false} placeholder={t.desk.findPlaceholder} />
            <button type="submit">{t.desk.search}</button>
          </div>
        </form>
        <ul class="arrivals" id="arrivals" aria-label={p.browsing ? desk.listBrowsing : desk.listFound}>
          {p.results.map((r) => (
            <PersonRow p={r} eventId={p.event.id} q={p.q} session={session} language={language} />
          ))}
        </ul>
        <p class="small" id="arrivals-hint">
          {hintText(p, desk)}
        </p>
        <p id="arrivals-next" hidden={!p.next}>
          {p.next ? <a href={withSession(`${base}?after=${encodeURIComponent(p.next)}`, session)}>{fill(desk.next, { n: BROWSE_PAGE })}</a> : null}
        </p>
        {!doorIsOpen(p.event) ? null : session ? <p class="small">{s.walkIn}</p> : <WalkIn base={base} state={p.walkIn} language={language} />}
        <section class="checkin-code" aria-labelledby="code-title">
          <h2 id="code-title">{t.code.heading}</h2>
          <button type="button" id="scan" class="scan" hidden>
            {t.code.scan}
          </button>
          {/* Opened by the door's script; data-reader is the QR reader it loads where the browser has none. */}
          <dialog id="scanner" class="scanner" aria-labelledby="scanner-title" data-reader={assetUrl["jsqr.js"]}>
            <h2 id="scanner-title">{t.code.scan}</h2>
            <p class="small">{t.code.scanHint}</p>
            {/* playsinline: iOS would otherwise play the camera full screen, away from the page. */}
            <video id="scan-video" playsinline muted autoplay aria-hidden="true"></video>
            <button type="button" id="scan-stop" class="secondary">
              {t.code.stopScan}
            </button>
          </dialog>
          <form method="post" action={withSession(`${base}/code`, session)} id="code-form">
            <label for="f-code">{t.code.label}</label>
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
              <button type="submit">{t.checkIn}</button>
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
  const { language } = props.member;
  const t = wordsFor(props.member).checkin;
  return (
    <AdminLayout member={props.member} orgName={props.orgName} title={fill(t.scanned.title, { name: person.name })} section="checkin">
      <div class="checkin-desk">
        <p id="checkin-live" class={`notice checkin-live ${props.notice ? "ok" : "idle"}`} role="status" aria-live="polite">
          {props.notice ?? ""}
        </p>
        <h1>{person.name}</h1>
        {person.organisation ? <p>{person.organisation}</p> : null}
        <p>
          <strong>{event.title}</strong>
          <br />
          <span class="small">{when(event, language)}</span>
        </p>
        {refusal ? (
          <p class="notice wait">{reasonText(refusal, language)}</p>
        ) : person.checkedInAt ? (
          <p class="badge">{t.status.checkedIn}</p>
        ) : (
          <form method="post" action={props.action} class="tap">
            <button type="submit" class="big">
              {t.checkIn}
            </button>
          </form>
        )}
        <p>
          <a href={deskPath(event.id)}>{t.scanned.openList}</a>
        </p>
      </div>
    </AdminLayout>
  );
}
