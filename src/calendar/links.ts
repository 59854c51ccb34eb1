import { location, type InviteEvent } from "./invite";

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}/, "");

export interface CalendarLinks {
  ics: string;
  google: string;
  outlook: string;
  office365: string;
}

/**
 * One-click "add to calendar" links. The join link goes in only when given (confirmed
 * attendees); the manage link never does.
 */
export function calendarLinks(e: InviteEvent, icsUrl: string): CalendarLinks {
  const details = [e.description, e.onlineUrl, e.url].filter(Boolean).join("\n\n");
  const where = location(e) ?? "";
  const google = new URL("https://calendar.google.com/calendar/render");
  google.search = new URLSearchParams({
    action: "TEMPLATE",
    text: e.title,
    dates: `${utc(e.startsAt)}/${utc(e.endsAt)}`,
    details,
    location: where,
  }).toString();
  const outlookOn = (host: string) => {
    const url = new URL(`https://${host}/calendar/0/action/compose`);
    url.search = new URLSearchParams({
      rru: "addevent",
      subject: e.title,
      startdt: iso(e.startsAt),
      enddt: iso(e.endsAt),
      body: details,
      location: where,
    }).toString();
    return url.toString();
  };
  return {
    ics: icsUrl,
    google: google.toString(),
    outlook: outlookOn("outlook.live.com"),
    office365: outlookOn("outlook.office.com"),
  };
}

/**
 * The personal feed of a registration's sessions, behind its manage link like its own
 * calendar file: for a programme of chosen sessions and someone with the event's seat (a
 * package's dates come as invites instead); null otherwise.
 */
export const sessionFeedUrl = (manageUrl: string, { programme, confirmed }: { programme: string; confirmed: boolean }) =>
  confirmed && programme === "choose" ? `${manageUrl}/sessions.ics` : null;
