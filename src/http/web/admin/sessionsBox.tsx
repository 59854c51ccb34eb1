import type { Language } from "../../../db/schema";
import type { SessionView } from "../../../domain/programme";
import type { EventRow } from "../../../domain/events";
import { counted, formatNumber } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { workspaceMessages } from "../../../i18n/workspace";
import { sessionPath } from "./sessionPages";
import { sessionTime } from "./checkinSessionParts";

export type SessionWithArrivals = SessionView & { checkedIn: number };

/** The attendance list's box of the programme: each session's counts, linking to its own list. */
export function SessionsBox({ event, sessions, language }: { event: EventRow; sessions: SessionWithArrivals[]; language: Language }) {
  const t = workspaceMessages(language).sessionDesk.box;
  const n = (v: number) => formatNumber(v, language);
  return (
    <section class="sessions-box no-print" aria-labelledby="sessions-box-title">
      <h2 id="sessions-box-title">{t.heading}</h2>
      {sessions.length === 0 ? (
        <p class="small">{t.none}</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li class={s.status === "cancelled" ? "cancelled" : undefined}>
              <a href={sessionPath(s.id)}>{s.title}</a>{" "}
              <span class="small">{sessionTime(s, event, language)}</span>
              <span class="small counts">
                {s.status === "cancelled" ? (
                  <span class="badge bad">{t.cancelled}</span>
                ) : (
                  [
                    s.capacity !== null ? fill(t.seats, { confirmed: n(s.confirmed), capacity: n(s.capacity) }) : counted(language, t.confirmed, s.confirmed),
                    fill(t.checkedIn, { count: n(s.checkedIn) }),
                    ...(s.waitlisted ? [fill(t.waitlisted, { count: n(s.waitlisted) })] : []),
                  ].join(" · ")
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
