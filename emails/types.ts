import type { CalendarLinks } from "../src/calendar/links";
import type { Language } from "../src/db/schema";
import type { Messages } from "../src/i18n/messages";

/** Everything a template may show. Plain values: the templates escape them. */
export interface EmailData {
  language: Language;
  name: string;
  orgName: string;
  event: {
    title: string;
    when: string;
    venue: string | null;
    address: string | null;
    url: string;
    /** Present only for confirmed attendees. */
    onlineUrl: string | null;
    /** The waitlist works by offers (waitlistMode "offer"), not by promotion at once. */
    offers: boolean;
  };
  manageUrl: string;
  position: number | null;
  /** Present only for confirmed attendees. */
  calendar: CalendarLinks | null;
  /** The signed check-in code and what its QR code holds (confirmed attendees' invites and reminders). */
  checkin: { code: string; url: string } | null;
  /** An open offer of a seat: its deadline as shown, and the page with the one button that accepts it. */
  offer: { deadline: string; acceptUrl: string } | null;
  /** The organiser's own paragraph for this kind of email of this event, if they wrote one. */
  note?: string | null;
  /** What an organiser wrote to the attendees (organiser_message only). */
  message: { subject: string; body: string } | null;
  /** The organisation's branding: its logo's absolute URL, colour, contact and footer. */
  brand?: EmailBrand;
  /** Who signed the reader up with them, as a colleague in a group (confirmed and waitlisted only). */
  registeredBy?: string;
  /** The reader's places in the event's sessions, earliest first (absent or empty without a programme). */
  sessions?: EmailSession[];
  /** The personal feed of their sessions (a programme of chosen sessions, a confirmed attendee). */
  sessionFeed?: string | null;
  /** What a session's email (session_*, a session's reminder) is about, as it is now. */
  about?: SessionNews;
  /** A seat passed on: who sent the reader (substitute_confirmed), or who took it (substitute_replaced). */
  handover?: { name: string; calendarWithdrawn?: boolean };
}

/** One of the reader's sessions as an email shows it: times in the event's zone and the reader's words. */
export interface EmailSession {
  title: string;
  when: string;
  /** The session's own room or place, if it has one (else the event's applies). */
  venue: string | null;
  state: "confirmed" | "waitlisted" | "pending";
  /** Their place on the session's waitlist (waitlisted only). */
  position: number | null;
}

/** The session(s) a message is about, and what changed in them. */
export interface SessionNews {
  sessions: EmailSession[];
  /** For session_changed: what moved ("time", "place", "title"); empty for a new session. */
  changed: ("time" | "place" | "title")[];
  added: boolean;
  /** The change reaches their calendar through the session feed, not an attached invite. */
  byFeed: boolean;
}

export interface EmailBrand {
  logo: string | null;
  palette: { accent: string; onAccent: string } | null;
  contactEmail: string | null;
  contactPhone: string | null;
  footer: string | null;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export type Template = (t: Messages, data: EmailData) => Rendered;
