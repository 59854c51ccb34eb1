import type { Language, NotificationKind } from "../src/db/schema";
import { counted, formatNumber } from "../src/i18n/format";
import { fill } from "../src/i18n/messages";
import type { WorkspaceMessages } from "../src/i18n/workspace";
import type { Rendered } from "./types";

// Inline styles only: mail clients drop <style> blocks. Plats' own look: these are about the service.
const box = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px";
const button = "display:inline-block;background:#1d4ed8;color:#ffffff;padding:8px 16px;border-radius:6px;text-decoration:none";
const muted = "color:#52606d;font-size:13px";

type Words = WorkspaceMessages["notifications"]["mail"];
const KINDS: NotificationKind[] = ["signup", "cancellation", "expired_offer"];

/** Someone a notification names: name and organisation, nothing more. */
export interface NamedPerson {
  name: string;
  organisation: string | null;
  waitlisted: boolean;
}

/** One event's part of an organiser's email: who, how many, and where the list is. */
export interface OrganiserEventPart {
  title: string;
  listUrl: string;
  lists: Record<NotificationKind, { people: NamedPerson[]; total: number }>;
  figures: { confirmed: number; capacity: number; waitlisted: number; offered: number };
}

export interface OrganiserMailData {
  language: Language;
  name: string | null;
  orgName: string;
  settingsUrl: string;
  events: OrganiserEventPart[];
}

/** "3 nya anmälningar, 1 avbokning": what an event's part holds, for a subject line. */
export const summaryOf = (w: Words, language: Language, part: OrganiserEventPart) =>
  KINDS.filter((k) => part.lists[k].total > 0)
    .map((k) => counted(language, w.counts[k], part.lists[k].total))
    .join(", ");

const personLine = (w: Words, p: NamedPerson) => [p.name, p.organisation].filter(Boolean).join(", ") + (p.waitlisted ? ` (${w.waitlisted})` : "");

function figuresLines(w: Words, language: Language, part: OrganiserEventPart) {
  const n = (x: number) => formatNumber(x, language);
  const f = part.figures;
  return [
    fill(w.figures, { confirmed: n(f.confirmed), capacity: n(f.capacity), waitlisted: n(f.waitlisted) }),
    f.offered > 0 ? fill(w.offered, { n: n(f.offered) }) : null,
  ].filter((l): l is string => l !== null);
}

function EventHtml({ w, language, part, heading }: { w: Words; language: Language; part: OrganiserEventPart; heading: boolean }) {
  return (
    <div style="margin:16px 0;padding:12px 16px;background:#ffffff;border:1px solid #cbd2d9;border-radius:8px">
      {heading ? <h2 style="font-size:18px;margin:0 0 8px">{part.title}</h2> : null}
      {KINDS.filter((k) => part.lists[k].total > 0).map((k) => {
        const { people, total } = part.lists[k];
        return (
          <>
            <h3 style="font-size:16px;margin:12px 0 4px">
              {w.headings[k]} ({formatNumber(total, language)})
            </h3>
            <ul style="margin:0;padding-left:20px">
              {people.map((p) => (
                <li>{personLine(w, p)}</li>
              ))}
              {total > people.length ? <li>{fill(w.more, { n: formatNumber(total - people.length, language) })}</li> : null}
            </ul>
          </>
        );
      })}
      {figuresLines(w, language, part).map((line) => (
        <p style="margin:12px 0 0">{line}</p>
      ))}
      <p style="margin:12px 0 0">
        <a href={part.listUrl} style={button}>
          {w.openList}
        </a>
      </p>
    </div>
  );
}

function eventText(w: Words, language: Language, part: OrganiserEventPart, heading: boolean) {
  const blocks = KINDS.filter((k) => part.lists[k].total > 0).map((k) => {
    const { people, total } = part.lists[k];
    const lines = people.map((p) => `- ${personLine(w, p)}`);
    if (total > people.length) lines.push(`- ${fill(w.more, { n: formatNumber(total - people.length, language) })}`);
    return `${w.headings[k]} (${formatNumber(total, language)})\n${lines.join("\n")}`;
  });
  return [heading ? `== ${part.title} ==` : null, ...blocks, figuresLines(w, language, part).join("\n"), `${w.openList}: ${part.listUrl}`]
    .filter(Boolean)
    .join("\n\n");
}

/** The frame both organiser emails share: greeting, intro, the events, and the way to change the settings. */
function frame(w: Words, data: OrganiserMailData, subject: string, intro: string, headings: boolean): Rendered {
  const greeting = data.name ? fill(w.greeting, { name: data.name }) : w.greetingNoName;
  const why = fill(w.settingsIntro, { org: data.orgName });
  const html = (
    <html lang={data.language}>
      <body style="margin:0;background:#f5f7fa">
        <div style={box}>
          <p>{greeting}</p>
          <p>{intro}</p>
          {data.events.map((part) => (
            <EventHtml w={w} language={data.language} part={part} heading={headings} />
          ))}
          <p style={muted}>
            {why} <a href={data.settingsUrl}>{w.settingsLink}</a>
          </p>
        </div>
      </body>
    </html>
  );
  const text = [greeting, intro, ...data.events.map((part) => eventText(w, data.language, part, headings)), `${why}\n${w.settingsLink}: ${data.settingsUrl}`].join("\n\n");
  return { subject, text: `${text}\n`, html: `<!doctype html>${html.toString()}` };
}

/** What happened at one event in the last minute or so: "Leankonferens: 3 nya anmälningar". */
export function organiserActivityEmail(w: Words, data: OrganiserMailData): Rendered {
  const part = data.events[0]!;
  const subject = fill(w.activity.subject, { event: part.title, summary: summaryOf(w, data.language, part) });
  return frame(w, data, subject, fill(w.activity.intro, { event: part.title }), false);
}

/** The day's summary across the member's events. `day` and `since` are written out already. */
export function organiserDigestEmail(w: Words, data: OrganiserMailData & { day: string; since: string }): Rendered {
  const subject = fill(w.digest.subject, { org: data.orgName, day: data.day });
  return frame(w, data, subject, fill(w.digest.intro, { since: data.since }), true);
}
