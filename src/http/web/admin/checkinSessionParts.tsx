import type { Language } from "../../../db/schema";
import type { ArrivalRow } from "../../../domain/checkin";
import type { SessionSeat, SessionView } from "../../../domain/programme";
import { formatDay, formatWhen } from "../../../i18n/format";
import { wordsFor } from "./layout";

/** A door row: the event's, or a session's with the person's place in it. */
export type DoorRow = ArrivalRow & { seat?: SessionSeat };

/** `?session=<id>` (or `&…` after other parameters) on the door's own addresses; nothing for the whole event. */
export const withSession = (url: string, session: { id: string } | null | undefined) =>
  session ? `${url}${url.includes("?") ? "&" : "?"}session=${encodeURIComponent(session.id)}` : url;

type Words = ReturnType<typeof wordsFor>;

/**
 * What a row's badge says. The same choice as the door's script (statusText in
 * checkinScript.ts): the event's reasons first, then, at a session's door, the lack of a
 * seat in it, then whether the person has arrived.
 */
export function doorStatusText(p: DoorRow, t: Words["checkin"]["status"], s: Words["sessionDesk"]["door"]) {
  if (p.status === "cancelled") return t.cancelled;
  if (p.status === "waitlisted") return t.waitlisted;
  if (p.status === "offered") return t.offered;
  if (p.seat && p.seat !== "confirmed") return p.seat === "waitlisted" ? s.queued : p.seat === "pending" ? s.pending : s.noSeat;
  return p.checkedInAt ? t.checkedIn : t.notCheckedIn;
}

/** The badge's tone: refused rows stand out, an arrival is plain, the rest quiet. */
export const doorBadgeClass = (p: DoorRow) =>
  p.status === "cancelled" ? "bad" : p.status !== "confirmed" || (p.seat && p.seat !== "confirmed") ? "wait" : p.checkedInAt ? "" : "none";

/**
 * When a session is, short enough for a phone: its hours alone when the event is one day
 * ("kl. 09.30–11.30", "09:30–11:30"), with the day when the event spans several.
 */
export function sessionTime(s: { startsAt: string; endsAt: string }, event: { startsAt: Date; endsAt: Date; timezone: string }, language: Language) {
  const full = formatWhen(new Date(s.startsAt), new Date(s.endsAt), event.timezone, language);
  const day = formatDay(event.startsAt, event.timezone, language);
  const oneDay = day === formatDay(event.endsAt, event.timezone, language);
  return oneDay && full.startsWith(day) ? full.slice(day.length).replace(/^,?\s*/, "") : full;
}

/** The door's choice of what to check people in to: the whole event or one of its sessions (a plain GET form). */
export function SessionPick({
  base,
  sessions,
  session,
  event,
  language,
}: {
  base: string;
  sessions: SessionView[];
  session: SessionView | null;
  event: { startsAt: Date; endsAt: Date; timezone: string };
  language: Language;
}) {
  const t = wordsFor({ language }).sessionDesk.door;
  return (
    <form method="get" action={base} class="session-pick">
      <div class="field">
        <label for="f-session">{t.choose}</label>
        <select id="f-session" name="session">
          <option value="" selected={!session}>
            {t.wholeEvent}
          </option>
          {sessions.map((s) => (
            <option value={s.id} selected={s.id === session?.id}>
              {`${s.title} (${sessionTime(s, event, language)})`}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        {t.show}
      </button>
    </form>
  );
}
