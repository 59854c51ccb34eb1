import { z } from "zod";
import { examples as eventExamples, organiserEvent, session } from "./events";
import { named } from "./registry";

// Response schemas of registrations: src/domain/registrations/registrationView.ts, the
// signup's result (src/domain/signup/register.ts), the manage link's view and a session's list.

const instant = z.string().describe("An instant in UTC, ISO 8601.");
const placeStatus = z.enum(["confirmed", "waitlisted", "pending"]);

export const registration = named(
  "Registration",
  z.object({
    id: z.string(),
    eventId: z.string(),
    status: z.enum(["confirmed", "waitlisted", "offered", "pending", "cancelled", "expired", "declined"]),
    position: z.number().int().nullable().describe("1-based place on the waitlist (waitlisted only)."),
    name: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    organisation: z.string().nullable(),
    phone: z.string().nullable(),
    language: z.enum(["sv", "en", "nb"]),
    answers: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.boolean()])).describe("Answers by question id."),
    consentAt: instant.nullable(),
    createdAt: instant,
    confirmedAt: instant.nullable(),
    cancelledAt: instant.nullable(),
    checkedInAt: instant.nullable(),
    offerExpiresAt: instant.nullable().describe("Until when a freed seat is held for the person (offered only)."),
    substitutedAt: instant.nullable().describe("When someone passed this seat on to the person now on it."),
  }),
  "A registration as the organiser sees it.",
);

export const registrationPage = named(
  "RegistrationPage",
  z.object({
    registrations: z.array(registration),
    next: z.string().nullable().describe("The cursor of the next page (pass as `cursor`), or null on the last."),
  }),
);

export const arrival = named(
  "Arrival",
  registration.extend({
    session: z.object({ id: z.string(), checkedInAt: instant.nullable() }).optional().describe("With `?session=`: the arrival at that session."),
  }),
  "The registration after a check-in (or its undoing).",
);

export const signupResult = named(
  "SignupResult",
  z.object({
    id: z.string(),
    status: placeStatus.describe("confirmed: a seat; waitlisted: in the queue; pending: an application the organiser decides."),
    position: z.number().int().nullable(),
    manageUrl: z.string().describe("The person's own link to see, change or cancel the registration (also emailed)."),
    sessions: z.array(z.object({ id: z.string(), status: placeStatus, position: z.number().int().nullable() })).describe("Places in the chosen sessions."),
  }),
);

const myChoice = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
  track: z.string().nullable(),
  venue: z.string().nullable(),
  status: placeStatus,
  position: z.number().int().nullable(),
  checkedInAt: instant.nullable(),
});

export const managedRegistration = named(
  "ManagedRegistration",
  registration.extend({
    manageUrl: z.string(),
    event: organiserEvent.omit({ createdAt: true, updatedAt: true, cancelledAt: true }).describe("The event; its join link (onlineUrl) only with a seat."),
    organiser: z.object({ slug: z.string(), name: z.string(), privacyUrl: z.string().nullable() }),
    calendar: z.object({ ics: z.string(), google: z.string(), outlook: z.string(), office365: z.string() }).nullable().describe("Add-to-calendar links, with a seat."),
    sessionFeed: z.string().nullable().describe("A calendar feed of one's sessions."),
    sessions: z.array(myChoice),
    checkin: z.object({ code: z.string(), url: z.string() }).nullable().describe("The code (and QR link) to show at the door."),
  }),
  "A registration as its manage link shows it to the person.",
);

export const sessionList = named(
  "SessionRegistrations",
  z.object({
    session,
    event: z.object({ id: z.string(), title: z.string(), timezone: z.string() }),
    registrations: z.array(
      z.object({
        registrationId: z.string(),
        name: z.string(),
        firstName: z.string(),
        lastName: z.string(),
        email: z.string(),
        organisation: z.string().nullable(),
        status: placeStatus,
        position: z.number().int().nullable(),
        registrationStatus: z.string(),
        checkedInAt: instant.nullable(),
        chosenAt: instant,
      }),
    ),
  }),
);

const anna = {
  id: "reg_01J9Z5M8N9P0Q1R2S3T4V5W6X7",
  eventId: eventExamples.exampleEvent.id,
  status: "confirmed" as const,
  position: null,
  name: "Anna Lindqvist",
  firstName: "Anna",
  lastName: "Lindqvist",
  email: "anna.lindqvist@volvocars.com",
  organisation: "Volvo Cars",
  phone: null,
  language: "sv" as const,
  answers: { lunch: "Vegetarisk" },
  consentAt: "2027-01-15T09:30:00.000Z",
  createdAt: "2027-01-15T09:30:00.000Z",
  confirmedAt: "2027-01-15T09:30:00.000Z",
  cancelledAt: null,
  checkedInAt: null,
  offerExpiresAt: null,
  substitutedAt: null,
};
const manageUrl = "https://plats.techtank.se/r/m_4kq9V2xT7pLw3Zr8YbN1sA";
const { createdAt: _c, updatedAt: _u, cancelledAt: _x, ...managedEvent } = eventExamples.organiserEvent;

export const examples = {
  registration: anna,
  page: { registrations: [anna], next: null },
  arrival: { ...anna, checkedInAt: "2027-03-18T07:45:12.000Z" },
  signup: { id: anna.id, status: "confirmed" as const, position: null, manageUrl, sessions: [] },
  managed: {
    ...anna,
    manageUrl,
    event: managedEvent,
    organiser: { slug: "techtank", name: "Techtank", privacyUrl: "https://techtank.se/integritet" },
    calendar: {
      ics: "https://plats.techtank.se/r/m_4kq9V2xT7pLw3Zr8YbN1sA/event.ics",
      google: "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Leankonferens+Blekinge+2027",
      outlook: "https://outlook.live.com/calendar/0/action/compose?subject=Leankonferens+Blekinge+2027",
      office365: "https://outlook.office.com/calendar/0/action/compose?subject=Leankonferens+Blekinge+2027",
    },
    sessionFeed: null,
    sessions: [],
    checkin: { code: "K7QMX-41D9T", url: "https://plats.techtank.se/admin/c/reg_01J9Z5M8N9P0Q1R2S3T4V5W6X7.K7QMX41D9T" },
  },
  sessionList: {
    session: eventExamples.session,
    event: { id: eventExamples.exampleEvent.id, title: eventExamples.exampleEvent.title, timezone: "Europe/Stockholm" },
    registrations: [
      {
        registrationId: anna.id,
        name: anna.name,
        firstName: anna.firstName,
        lastName: anna.lastName,
        email: anna.email,
        organisation: anna.organisation,
        status: "confirmed" as const,
        position: null,
        registrationStatus: "confirmed",
        checkedInAt: null,
        chosenAt: "2027-01-15T09:30:00.000Z",
      },
    ],
  },
};
