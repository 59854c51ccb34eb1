import { TZDate } from "@date-fns/tz";
import { inArray, sql } from "drizzle-orm";
import { organisations, outbox } from "../../db/schema";
import type { ServiceContext } from "../context";
import { createEvent, type CreateEventInput } from "../events";
import { slugFromTitle } from "../events";
import { createApiToken, createOrganisation } from "../organisations";
import { createMember } from "../accounts";
import { register } from "../signup";
import { seedConferenceProgramme, seedCoursePackage } from "./demoProgramme";

const ZONE = "Europe/Stockholm";

/** A local wall-clock time in Stockholm, `days` from now, as an instant. */
function stockholm(now: Date, days: number, hour: number, minute = 0): Date {
  const day = new TZDate(now.getTime() + days * 86_400_000, ZONE);
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, minute, ZONE).getTime());
}

const colleagues = [
  "Anna Lindqvist", "Erik Johansson", "Maria Karlsson", "Johan Nilsson", "Sara Persson",
  "Lars Andersson", "Emma Svensson", "Oskar Berg", "Karin Holm", "Ali Hassan",
  "Ingrid Olsen", "Mikael Ek", "Fatima Rahimi", "Per Lund", "Linnea Sjöberg",
];
const companies = ["ABB Karlshamn", "Volvo Cars Olofström", "Södra Cell Mörrum", "Ronneby Industri AB"];

/** Whether the database has no organisation yet (a fresh install). */
export async function isEmpty(ctx: ServiceContext) {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)` }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/**
 * A demo organisation with realistic events: a conference with talks and workshops to
 * choose, a LEAN course of four dates booked as a package that is full with a waitlist,
 * and an online kick-off. Demo signups send no mail.
 */
export async function seedDemo({ ctx }: { ctx: ServiceContext }) {
  const now = ctx.now();
  const org = await createOrganisation({
    ctx,
    input: { slug: "techtank", name: "Techtank (demo)", requireConsent: false },
  });
  const token = await createApiToken({ ctx, input: { orgId: org.id, name: "demo" } });
  const conferenceStart = stockholm(now, 75, 8, 30);
  const specs: CreateEventInput[] = [
    {
      title: `Leankonferens Blekinge ${conferenceStart.getUTCFullYear()}`,
      description:
        "En dag om lean i praktiken: föreläsningar från industrin i Blekinge och workshops på eftermiddagen. Välj en workshop när du anmäler dig. Lunch och fika ingår.",
      venue: "BTH Campus Karlshamn",
      address: "Biblioteksgatan 4, 374 35 Karlshamn",
      startsAt: conferenceStart,
      endsAt: stockholm(now, 75, 16, 30),
      timezone: ZONE,
      capacity: 150,
      language: "sv",
      waitlist: true,
      waitlistMode: "auto",
      offerMinutes: 1440,
      status: "published",
      groupLimit: 5,
      questions: [
        { id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Fisk", "Vegetariskt", "Veganskt"], required: true },
        { id: "allergies", label: "Allergier", kind: "text" },
      ],
      programme: "choose",
    },
    {
      title: "LEAN-kurs: Värdeflödesanalys",
      description: "Kurs i värdeflödesanalys (VSM) över fyra halvdagar, en i veckan, med övningar på er egen process. Alla fyra tillfällen ingår.",
      venue: "Techtank",
      address: "Campus Gräsvik, 371 75 Karlskrona",
      startsAt: stockholm(now, 21, 8, 0),
      endsAt: stockholm(now, 42, 12, 0),
      timezone: ZONE,
      capacity: 12,
      language: "sv",
      waitlist: true,
      waitlistMode: "auto",
      offerMinutes: 1440,
      status: "published",
      groupLimit: 3,
      questions: [],
      programme: "package",
    },
    {
      title: "Kick-off: Digitalisering i industrin",
      description: "Digital kick-off för medlemsföretagen. Länken skickas till anmälda.",
      onlineUrl: "https://meet.example.com/plats-demo-kickoff",
      startsAt: stockholm(now, 10, 9, 0),
      endsAt: stockholm(now, 10, 10, 0),
      timezone: ZONE,
      capacity: 300,
      language: "sv",
      waitlist: true,
      waitlistMode: "auto",
      offerMinutes: 1440,
      status: "published",
      groupLimit: 3,
      questions: [],
    },
  ];
  const created = [];
  for (const spec of specs) created.push(await createEvent({ ctx, input: { ...spec, orgId: org.id } }));

  const [conference, course] = created as [(typeof created)[0], (typeof created)[0]];
  const at = (days: number, hour: number, minute = 0) => stockholm(now, days, hour, minute);
  const workshops = (await seedConferenceProgramme(ctx, org.id, conference.id, at, 75)).filter((s) => s.capacity !== null);
  await seedCoursePackage(ctx, org.id, course.id, at, 21);
  const signups = [
    ...colleagues.map((name, i) => ({ eventId: course.id, name, i })),
    ...colleagues.slice(0, 6).map((name, i) => ({ eventId: conference.id, name, i })),
  ];
  for (const { eventId, name, i } of signups) {
    const email = `${slugFromTitle(name).replaceAll("-", ".")}@example.com`;
    const answers: Record<string, string> = eventId === conference.id ? { lunch: "Vegetariskt" } : {};
    // The conference's first six each take a workshop, in turn.
    const sessions = eventId === conference.id ? [workshops[i % workshops.length]!.id] : undefined;
    await register({ ctx, input: { eventId, name, email, organisation: companies[i % companies.length], answers, sessions } });
  }
  // A past member breakfast with its attendance taken, so the reports have something to show.
  const breakfast = await createEvent({
    ctx,
    input: {
      orgId: org.id,
      title: "Medlemsfrukost: Energieffektivisering",
      venue: "Techtank",
      startsAt: stockholm(now, -30, 7, 30),
      endsAt: stockholm(now, -30, 9, 0),
      timezone: ZONE,
      capacity: 40,
      language: "sv",
      waitlist: true,
      waitlistMode: "auto",
      offerMinutes: 1440,
      status: "published",
      groupLimit: 5,
      questions: [],
    },
  });
  const earlier = new Date(now.getTime() - 40 * 86_400_000);
  for (const [i, name] of colleagues.slice(4, 12).entries()) {
    const email = `${slugFromTitle(name).replaceAll("-", ".")}@example.com`;
    await register({ ctx: { ...ctx, now: () => earlier }, input: { eventId: breakfast.id, name, email, organisation: companies[i % companies.length] } });
  }
  await ctx.db.run(sql`UPDATE registrations SET checked_in_at = ${Date.parse(breakfast.startsAt)}
                       WHERE event_id = ${breakfast.id} AND seq % 4 <> 0`);
  const owner = await createMember({ ctx, input: { orgId: org.id, email: "demo@techtank.example", name: "Demo Owner", role: "owner", language: "en" } });
  const ids = [...created, breakfast].map((e) => e.id);
  await ctx.db.delete(outbox).where(inArray(outbox.eventId, ids));
  return { org, token, events: created, owner };
}
