import type { Language } from "../../../db/schema";
import type { PublicEventView } from "../../../domain/events";
import type { MyChoice, SessionView } from "../../../domain/programme";
import { newcomerGetsSeat } from "../../../domain/seats";
import { formatDay, formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import { assetUrl } from "../assets";
import type { PageInfo } from "../layout";
import { fieldId, type FormState } from "./fields";

type Timed = { startsAt: string; endsAt: string };
type ProgrammeEvent = Pick<PublicEventView, "timezone" | "programme" | "maxSessions">;

/**
 * A session's hours on the event's clock, "kl. 09.30–10.30" / "09:30–10:30": formatWhen
 * with its day left out (the day is the heading above), so the times are written by the
 * one formatter every page and email uses.
 */
export function sessionHours(s: Timed, timeZone: string, lang: Language) {
  const start = new Date(s.startsAt);
  const day = formatDay(start, timeZone, lang);
  const when = formatWhen(start, new Date(s.endsAt), timeZone, lang);
  return when.startsWith(day) ? when.slice(day.length).replace(/^,?\s*/, "") : when;
}

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Sessions (in programme order) in runs of one day each, on the event's calendar. */
export function byDay<S extends Timed>(sessions: readonly S[], timeZone: string, lang: Language) {
  const days: { day: string; sessions: S[] }[] = [];
  for (const s of sessions) {
    const day = capitalised(formatDay(new Date(s.startsAt), timeZone, lang));
    const last = days[days.length - 1];
    if (last?.day === day) last.sessions.push(s);
    else days.push({ day, sessions: [s] });
  }
  return days;
}

/**
 * Whether a newcomer choosing the session would get a seat ("free"), a place on its
 * waitlist ("waitlist") or be refused ("full"); null when it has no limit of its own (or
 * is part of a package). The event's rule for a newcomer (newcomerGetsSeat) applied to the
 * session's counts: anyone waiting goes first.
 */
export function seatState(s: SessionView): "free" | "waitlist" | "full" | "cancelled" | null {
  if (s.status === "cancelled") return "cancelled";
  if (s.seatsLeft === null) return null;
  if (newcomerGetsSeat({ seatsLeft: s.seatsLeft, waitlisted: s.waitlisted })) return "free";
  return s.waitlist ? "waitlist" : "full";
}

/** Whether one of the chosen sessions is full without a waitlist: what a refused signup was refused for. */
export const chosenFull = (sessions: SessionView[], chosen: readonly string[]) => sessions.some((s) => chosen.includes(s.id) && seatState(s) === "full");

function Availability({ s, page }: { s: SessionView; page: PageInfo }) {
  const { t } = page;
  const state = seatState(s);
  if (state === null) return null;
  const [text, tone] =
    state === "free"
      ? [plural(page.lang, t.seatsLeft, s.seatsLeft ?? 0), ""]
      : state === "waitlist"
        ? [t.programme.fullWaitlist, "wait"]
        : [state === "full" ? t.programme.full : t.programme.cancelled, "bad"];
  return <span class={`badge small ${tone}`.trim()}>{text}</span>;
}

/** Where it is: the track or room, and the venue when it is not the event's. */
const placeOf = (s: { track: string | null; venue: string | null }) => [s.track, s.venue].filter(Boolean).join(", ");

/** The start of a long description: the page lists sessions, it does not print their papers. */
function short(text: string, max = 220) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).trimEnd()} …`;
}

/** The event page's programme, by day; seats per session when sessions are chosen, the package's note when not. */
export function ProgrammeSection({ sessions, event, page }: { sessions: SessionView[]; event: ProgrammeEvent; page: PageInfo }) {
  const { t } = page;
  if (event.programme === "none" || !sessions.length) return null;
  return (
    <section class="programme" aria-labelledby="programme-title">
      <h2 id="programme-title">{t.programme.heading}</h2>
      {event.programme === "package" ? <p>{t.programme.packageNote}</p> : null}
      {byDay(sessions, event.timezone, page.lang).map(({ day, sessions }) => (
        <>
          <h3>{day}</h3>
          <ul class="sessions">
            {sessions.map((s) => (
              <li class={s.status === "cancelled" ? "cancelled" : undefined}>
                <p class="session-head">
                  <time datetime={s.startsAt}>{sessionHours(s, event.timezone, page.lang)}</time> <strong>{s.title}</strong>
                </p>
                {placeOf(s) ? <p class="hint">{placeOf(s)}</p> : null}
                {s.description ? <p class="session-text">{short(s.description)}</p> : null}
                {event.programme === "choose" || s.status === "cancelled" ? (
                  <p class="session-seats">
                    <Availability s={s} page={page} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}

/** A place held in a session, in words: a seat, the waitlist's number n, or decided with the event's seat. */
export function choiceText(page: PageInfo, c: Pick<MyChoice, "status" | "position">) {
  const { t } = page;
  if (c.status === "confirmed") return t.statusConfirmed;
  if (c.status === "waitlisted") return fill(t.statusWaitlisted, { position: c.position ?? "" });
  return t.programme.pending;
}

/**
 * One checkbox per scheduled session, by day, each labelled with its title, hours, place
 * and seats, so a screen reader reads one whole choice at a time. Posts `sessions`. A
 * full session without a waitlist cannot be ticked, unless it is one of `held` (the
 * manage page: a place the person has may be given up). sessions.js greys out, as one
 * is ticked, the sessions at the same time and, at the maximum, the rest.
 */
export function SessionChoices(props: {
  sessions: SessionView[];
  event: ProgrammeEvent;
  state: FormState;
  page: PageInfo;
  /** The form may sign up several people: say that the choices are everyone's. */
  group?: boolean;
  /** A newcomer goes on the event's waitlist: say that the choices wait for the seat. */
  pending?: boolean;
  /** The person's own places (manage page), shown instead of the seats left. */
  held?: MyChoice[];
}) {
  const { event, state, page } = props;
  const { t } = page;
  const open = props.sessions.filter((s) => s.status === "scheduled");
  if (event.programme !== "choose" || !open.length) return null;
  const id = fieldId("sessions");
  const error = state.errors.sessions;
  const chosen = new Set([state.values.sessions ?? []].flat());
  const held = new Map((props.held ?? []).map((c) => [c.id, c]));
  const hints = [t.programme.hint, event.maxSessions ? plural(page.lang, t.programme.max, event.maxSessions) : null, props.group ? t.programme.groupHint : null, props.pending ? t.programme.pendingHint : null];
  let i = 0;
  return (
    <fieldset
      class="field session-choices"
      id={id}
      aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      data-session-choices=""
      data-max={event.maxSessions ?? undefined}
      data-clash-live={t.programme.clashLive}
      data-max-live={event.maxSessions ? plural(page.lang, t.programme.maxLive, event.maxSessions) : undefined}
    >
      <legend>{t.programme.legend}</legend>
      <p class="hint" id={`${id}-hint`}>
        {hints.filter(Boolean).join(" ")}
      </p>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {byDay(open, event.timezone, page.lang).map(({ day, sessions }) => (
        <fieldset class="day">
          <legend>{day}</legend>
          {sessions.map((s) => {
            const n = i++;
            const mine = held.get(s.id);
            const place = placeOf(s);
            return (
              <div class="session-choice">
                <label class="choice" for={`${id}-${n}`}>
                  <input
                    type="checkbox"
                    id={`${id}-${n}`}
                    name="sessions"
                    value={s.id}
                    checked={chosen.has(s.id)}
                    disabled={!mine && seatState(s) === "full"}
                    aria-invalid={error ? "true" : undefined}
                    data-starts={Date.parse(s.startsAt)}
                    data-ends={Date.parse(s.endsAt)}
                    data-title={s.title}
                  />
                  <span>
                    <strong>{s.title}</strong>, <span class="when">{sessionHours(s, event.timezone, page.lang)}</span>
                    {place ? `, ${place}` : null}{" "}
                    {mine ? <span class={`badge small ${mine.status === "confirmed" ? "" : "wait"}`.trim()}>{choiceText(page, mine)}</span> : <Availability s={s} page={page} />}
                  </span>
                </label>
                <p class="hint clash" id={`${id}-${n}-clash`} hidden>
                  {t.programme.clash}
                </p>
              </div>
            );
          })}
        </fieldset>
      ))}
      <p class="hint" data-live="" aria-live="polite"></p>
      <script src={assetUrl["sessions.js"]} defer></script>
    </fieldset>
  );
}

/**
 * The person's own sessions by day with their places. A package lists every date of the
 * event (`sessions`, all of them), each with the person's place where they have one.
 */
export function MySchedule({ choices, sessions, event, page, headingLevel = 2 }: { choices: MyChoice[]; sessions?: SessionView[]; event: ProgrammeEvent; page: PageInfo; headingLevel?: 2 | 3 }) {
  const { t } = page;
  if (event.programme === "none") return null;
  const mine = new Map(choices.map((c) => [c.id, c]));
  // A package is every date; a choice is what the person chose.
  const shown: (Timed & { id: string; title: string; track: string | null; venue: string | null })[] =
    event.programme === "package" && sessions ? sessions.filter((s) => s.status === "scheduled") : choices;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Day = headingLevel === 2 ? "h3" : "h4";
  return (
    <section aria-labelledby="my-sessions-title" class="my-sessions">
      <Heading id="my-sessions-title">{event.programme === "package" ? t.programme.heading : t.programme.yours}</Heading>
      {event.programme === "package" ? <p>{t.programme.packageYours}</p> : null}
      {shown.length ? null : <p>{t.programme.none}</p>}
      {byDay(shown, event.timezone, page.lang).map(({ day, sessions }) => (
        <>
          <Day>{day}</Day>
          <ul class="sessions">
            {sessions.map((s) => {
              const c = mine.get(s.id);
              return (
                <li>
                  <p class="session-head">
                    <time datetime={s.startsAt}>{sessionHours(s, event.timezone, page.lang)}</time> <strong>{s.title}</strong>
                  </p>
                  {placeOf(s) ? <p class="hint">{placeOf(s)}</p> : null}
                  {c ? <p class={`badge small ${c.status === "confirmed" ? "" : "wait"}`.trim()}>{choiceText(page, c)}</p> : null}
                </li>
              );
            })}
          </ul>
        </>
      ))}
    </section>
  );
}
