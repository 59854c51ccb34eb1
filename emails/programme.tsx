import { fill, localeTag, type Messages } from "../src/i18n/messages";
import type { EmailData, EmailSession } from "./types";

const cell = "padding:4px 12px 4px 0;vertical-align:top";

/** Where the reader stands in a session, in words: a seat, a waitlist place, or not yet decided. */
export const sessionState = (t: Messages, s: EmailSession) =>
  s.state === "confirmed" ? t.programme.seat : s.state === "waitlisted" ? fill(t.programme.waitlisted, { position: s.position ?? "" }) : t.programme.pending;

/** Titles in running text, joined the reader's way: "A, B och C", "A, B og C", "A, B and C". */
export const sessionTitles = (data: Pick<EmailData, "language">, sessions: readonly EmailSession[]) =>
  new Intl.ListFormat(localeTag[data.language], { type: "conjunction" }).format(sessions.map((s) => s.title));

// webcal:// makes Apple Calendar and Outlook subscribe; the https address is the one to
// paste into Google Calendar's "From URL" (a click on it downloads a one-off copy).
const webcal = (url: string) => url.replace(/^https?:/, "webcal:");

const eventPlace = (data: EmailData) => [data.event.venue, data.event.address].filter(Boolean).join(", ");

const line = (t: Messages, s: EmailSession) => `- ${s.when}: ${[s.title, s.venue].filter(Boolean).join(", ")} (${sessionState(t, s)})`;

/**
 * The reader's sessions with day, time, room and where they stand, and the feed their
 * calendar can subscribe to: one block for every kind of email that shows them.
 */
export function Programme({ t, data }: { t: Messages; data: EmailData }) {
  if (!data.sessions?.length) return null;
  return (
    <div style="margin:16px 0">
      <h2 style="font-size:18px;margin:0 0 4px">{t.programme.title}</h2>
      {/* One cell per session, stacked: three columns do not fit a phone's width. */}
      <table role="presentation" style="border-collapse:collapse;width:100%">
        {data.sessions.map((s) => (
          <tr>
            <td style="padding:6px 0;border-top:1px solid #e4e7eb">
              <strong>{s.title}</strong>
              <br />
              {[s.when, s.venue].filter(Boolean).join(", ")}
              <br />
              <span style="color:#52606d">{sessionState(t, s)}</span>
            </td>
          </tr>
        ))}
      </table>
      {data.sessionFeed ? (
        <p>
          {t.programme.feed} <a href={webcal(data.sessionFeed)}>{t.programme.feedOpen}</a> ·{" "}
          <a href={data.sessionFeed}>{data.sessionFeed}</a>
        </p>
      ) : null}
    </div>
  );
}

export function programmeText(t: Messages, data: EmailData): string | null {
  if (!data.sessions?.length) return null;
  return [
    `${t.programme.title}\n${data.sessions.map((s) => line(t, s)).join("\n")}`,
    data.sessionFeed ? `${t.programme.feed}\n${data.sessionFeed}` : null,
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** The session(s) a message is about, as they are now: "Ny tid: …", "Ny plats: …" for what changed. */
export function aboutSessions(t: Messages, data: EmailData) {
  const about = data.about;
  if (!about?.sessions.length) return undefined;
  const rows = about.sessions.flatMap((s) => {
    const changed = about.changed;
    // A session named as a whole (cancelled, given, added): its title, day, time and room
    // on one line, apart from the event's own "when" and "where" below.
    if (!changed.length) return [[s.title, [s.when, s.venue].filter(Boolean).join(", ")]];
    return [
      ...(changed.includes("title") ? [[t.programme.newTitle, s.title]] : []),
      ...(changed.includes("time") ? [[t.programme.newTime, s.when]] : []),
      // A room taken away: the event's own place applies again.
      ...(changed.includes("place") ? [[t.programme.newPlace, s.venue ?? eventPlace(data)]] : []),
    ];
  });
  const feed = about.byFeed ? t.programme.feedUpdated : null;
  return {
    html: (
      <>
        <table role="presentation" style="border-collapse:collapse;margin:8px 0">
          {rows.map(([label, value]) => (
            <tr>
              <th style={`text-align:left;${cell}`}>{label}</th>
              <td style="padding:4px 0">{value}</td>
            </tr>
          ))}
        </table>
        {feed ? <p>{feed}</p> : null}
      </>
    ),
    text: [rows.map(([label, value]) => `${label}: ${value}`).join("\n"), feed].filter(Boolean).join("\n\n"),
  };
}
