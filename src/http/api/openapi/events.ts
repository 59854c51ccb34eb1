import { z } from "zod";
import { named } from "./registry";

// Response schemas of events and their sessions, written to match src/domain/events/eventView.ts,
// src/domain/programme/sessionView.ts and src/http/api/embed.ts. test/architecture/responseTypes.ts
// fails when what the routes return stops fitting them.

const instant = z.string().describe("An instant in UTC, ISO 8601 (e.g. 2027-03-18T08:00:00.000Z).");
const language = z.enum(["sv", "en", "nb"]);

export const question = named(
  "Question",
  z.object({
    id: z.string(),
    label: z.string(),
    kind: z.enum(["text", "textarea", "select", "multiselect", "checkbox"]),
    options: z.array(z.string()).optional(),
    required: z.boolean().optional(),
  }),
  "A question on the signup form; answers are keyed by its id.",
);

const translation = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  venue: z.string().optional(),
  address: z.string().optional(),
  questions: z.record(z.string(), z.string()).optional().describe("Question labels by question id."),
});

const publicFields = {
  id: z.string(),
  slug: z.string(),
  url: z.string().describe("The event's public page, where people sign up."),
  title: z.string(),
  description: z.string().nullable(),
  venue: z.string().nullable(),
  address: z.string().nullable(),
  startsAt: instant,
  endsAt: instant,
  timezone: z.string().describe("IANA time zone the event's times are shown in (e.g. Europe/Stockholm)."),
  language,
  capacity: z.number().int(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  offered: z.number().int().describe("Seats held for open offers to waitlisted people."),
  seatsLeft: z.number().int(),
  waitlist: z.boolean(),
  waitlistMode: z.enum(["auto", "offer"]),
  offerMinutes: z.number().int().describe("How long an offer of a freed seat holds it (waitlistMode offer)."),
  online: z.boolean(),
  registrationOpensAt: instant.nullable(),
  registrationClosesAt: instant.nullable(),
  status: z.string().describe("draft, published or cancelled."),
  questions: z.array(question),
  groupLimit: z.number().int().describe("How many people one web form submission may register."),
  coverUrl: z.string().nullable(),
  translations: z.object({ sv: translation.optional(), en: translation.optional(), nb: translation.optional() }),
  programme: z.enum(["none", "choose", "package"]),
  maxSessions: z.number().int().nullable(),
  access: z.enum(["public", "invitation", "approval"]),
  listed: z.boolean(),
  companyQuota: z.number().int().nullable(),
};

const organiserFields = {
  onlineUrl: z.string().nullable().describe("The join link of an online event: organisers and confirmed attendees only."),
  createdAt: instant,
  updatedAt: instant,
  cancelledAt: instant.nullable(),
};

export const organiserEvent = named("OrganiserEvent", z.object({ ...publicFields, ...organiserFields }), "An event as its organisers see it.");

export const session = named(
  "Session",
  z.object({
    id: z.string(),
    eventId: z.string(),
    title: z.string(),
    startsAt: instant,
    endsAt: instant,
    track: z.string().nullable(),
    venue: z.string().nullable(),
    description: z.string().nullable(),
    capacity: z.number().int().nullable().describe("Its own limit; null: none, or a package, where the event's seats govern."),
    waitlist: z.boolean(),
    confirmed: z.number().int(),
    waitlisted: z.number().int(),
    seatsLeft: z.number().int().nullable(),
    status: z.enum(["scheduled", "cancelled"]),
    position: z.number().int(),
    cancelledAt: instant.nullable(),
  }),
  "A session of an event's programme, with its live counts.",
);

export const cancelledSession = named("CancelledSession", session.extend({ told: z.number().int().describe("How many people the cancellation tells.") }));

const embed = z.object({
  url: z.string().describe("The signup form to put in an iframe."),
  snippet: z.string().describe("HTML to paste into one's own site: the iframe and the script that sizes it."),
});

export const eventListed = named("EventListed", organiserEvent.extend({ embed }));
export const eventList = named("EventList", z.object({ events: z.array(eventListed) }));

export const eventDetail = named(
  "Event",
  z.object({
    ...publicFields,
    ...z.object(organiserFields).partial().shape,
    embed,
    sessions: z.array(session).describe("The programme's sessions in order; empty without a programme."),
  }),
  "An event with its embed snippet and its sessions. The organiser's fields (onlineUrl, createdAt, …) only for its own organisation's token.",
);

// An event at Techtank in Karlskrona, as the examples show it.
const eventId = "evt_01J9Z3K7Q4M2XW8R5T6Y0B1C2D";
const exampleEvent = {
  id: eventId,
  slug: "leankonferens-blekinge-2027",
  url: "https://plats.techtank.se/e/leankonferens-blekinge-2027",
  title: "Leankonferens Blekinge 2027",
  description: "En dag om lean i produktion och tjänster, med föreläsningar och studiebesök.",
  venue: "Blekinge Tekniska Högskola, Karlskrona",
  address: "Valhallavägen 1, 371 41 Karlskrona",
  startsAt: "2027-03-18T08:00:00.000Z",
  endsAt: "2027-03-18T16:00:00.000Z",
  timezone: "Europe/Stockholm",
  language: "sv" as const,
  capacity: 200,
  confirmed: 142,
  waitlisted: 0,
  offered: 0,
  seatsLeft: 58,
  waitlist: true,
  waitlistMode: "auto" as const,
  offerMinutes: 1440,
  online: false,
  registrationOpensAt: null,
  registrationClosesAt: "2027-03-11T22:59:00.000Z",
  status: "published",
  questions: [{ id: "lunch", label: "Specialkost", kind: "text" as const }],
  groupLimit: 5,
  coverUrl: null,
  translations: { en: { title: "Lean Conference Blekinge 2027" } },
  programme: "none" as const,
  maxSessions: null,
  access: "public" as const,
  listed: true,
  companyQuota: null,
};
const exampleOrganiserEvent = {
  ...exampleEvent,
  onlineUrl: null,
  createdAt: "2026-11-02T09:12:00.000Z",
  updatedAt: "2026-11-20T13:40:00.000Z",
  cancelledAt: null,
};
const exampleEmbed = {
  url: `${exampleEvent.url}?embed=1`,
  snippet: `<iframe src="${exampleEvent.url}?embed=1" title="Leankonferens Blekinge 2027" data-plats-embed style="width:100%;min-height:720px;border:0" loading="lazy"></iframe>\n<script src="https://plats.techtank.se/assets/embed.js" async></script>`,
};

export const exampleSession = {
  id: "ses_01J9Z4A2B3C4D5E6F7G8H9J0K1",
  eventId,
  title: "Studiebesök: flödet i Ronneby",
  startsAt: "2027-03-18T12:30:00.000Z",
  endsAt: "2027-03-18T14:00:00.000Z",
  track: "Studiebesök",
  venue: "Ronneby",
  description: null,
  capacity: 25,
  waitlist: true,
  confirmed: 18,
  waitlisted: 0,
  seatsLeft: 7,
  status: "scheduled" as const,
  position: 1,
  cancelledAt: null,
};

export const examples = {
  event: { ...exampleOrganiserEvent, embed: exampleEmbed, sessions: [] },
  publicEvent: { ...exampleEvent, embed: exampleEmbed, sessions: [] },
  organiserEvent: exampleOrganiserEvent,
  cancelledEvent: { ...exampleOrganiserEvent, status: "cancelled", cancelledAt: "2027-02-01T10:00:00.000Z" },
  eventList: { events: [{ ...exampleOrganiserEvent, embed: exampleEmbed }] },
  session: exampleSession,
  cancelledSession: { ...exampleSession, status: "cancelled" as const, cancelledAt: "2027-03-01T09:00:00.000Z", told: 18 },
  exampleEvent,
};
