import { z } from "zod";
import { named } from "./registry";

// Response schemas of invitations, applications' decisions (src/domain/access) and the
// organisation's settings (src/domain/organisations).

const instant = z.string().describe("An instant in UTC, ISO 8601.");

export const invitation = named(
  "Invitation",
  z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    organisation: z.string().nullable(),
    language: z.string().nullable(),
    seats: z.number().int().describe("How many people may register through the link."),
    registered: z.number().int().describe("Live registrations (and applications) made through the link."),
    status: z.enum(["created", "sent", "visited", "registered", "declined", "revoked"]),
    url: z.string().describe("The personal link to the event's signup."),
    sentAt: instant.nullable(),
    visitedAt: instant.nullable(),
    remindedAt: instant.nullable(),
    declinedAt: instant.nullable(),
    revokedAt: instant.nullable(),
    createdAt: instant,
  }),
  "A personal invitation to an event by invitation.",
);

export const invitationList = named("InvitationList", z.object({ invitations: z.array(invitation) }));

export const approval = named(
  "Approval",
  z.object({
    status: z.enum(["confirmed", "waitlisted", "declined", "pending"]).describe("Where the approved application landed: a seat, or the waitlist when the event is full."),
    position: z.number().int().nullable(),
  }),
);
export const declination = named("Declination", z.object({ status: z.enum(["confirmed", "waitlisted", "declined", "pending"]) }));

export const organisation = named(
  "Organisation",
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    requireConsent: z.boolean().describe("Whether the signup asks for consent to the privacy notice."),
    privacyUrl: z.string().nullable(),
    contactEmail: z.string().nullable(),
    embedOrigins: z.array(z.string()).describe("Sites allowed to embed the signup form."),
    retentionDays: z.number().int().nullable(),
    accentColor: z.string().nullable(),
    contactPhone: z.string().nullable(),
    footer: z.string().nullable(),
    logoUrl: z.string().nullable(),
  }),
);

const invitationExample = {
  id: "inv_01J9Z6B1C2D3E4F5G6H7J8K9M0",
  email: "anna.lindqvist@volvocars.com",
  firstName: "Anna",
  lastName: "Lindqvist",
  organisation: "Volvo Cars",
  language: "sv",
  seats: 2,
  registered: 0,
  status: "sent" as const,
  url: "https://plats.techtank.se/i/i_Xh2mP9qR4sT7vW1yZ3bC5d",
  sentAt: "2027-01-10T08:00:00.000Z",
  visitedAt: null,
  remindedAt: null,
  declinedAt: null,
  revokedAt: null,
  createdAt: "2027-01-10T08:00:00.000Z",
};

export const examples = {
  invitation: invitationExample,
  revokedInvitation: { ...invitationExample, status: "revoked" as const, revokedAt: "2027-02-01T10:00:00.000Z" },
  invitationList: { invitations: [invitationExample] },
  approval: { status: "confirmed" as const, position: null },
  declination: { status: "declined" as const },
  organisation: {
    id: "org_01J9Z2T4V6X8Z0B2D4F6H8K0M2",
    slug: "techtank",
    name: "Techtank",
    requireConsent: true,
    privacyUrl: "https://techtank.se/integritet",
    contactEmail: "event@techtank.se",
    embedOrigins: ["https://techtank.se"],
    retentionDays: 365,
    accentColor: "#0b5cad",
    contactPhone: "+46 455 30 50 00",
    footer: "Techtank, Karlskrona",
    logoUrl: null,
  },
};
