import type { ServiceContext } from "../context";
import { createSession } from "../programme";

type At = (days: number, hour: number, minute?: number) => Date;

/**
 * The conference's day: talks for everyone in the morning and three workshops of 25 seats
 * in the afternoon, at the same time, so each attendee picks one.
 */
export async function seedConferenceProgramme(ctx: ServiceContext, orgId: string, eventId: string, at: At, day: number) {
  const sessions = [
    { title: "Välkommen och keynote: Lean i Blekinge", startsAt: at(day, 8, 30), endsAt: at(day, 9, 30), track: "Aulan" },
    { title: "Från pilot till vardag: erfarenheter från industrin", startsAt: at(day, 9, 45), endsAt: at(day, 12, 0), track: "Aulan" },
    { title: "Workshop: 5S i praktiken", startsAt: at(day, 13, 0), endsAt: at(day, 15, 0), track: "Sal B", capacity: 25 },
    { title: "Workshop: Kaizen-tavlan", startsAt: at(day, 13, 0), endsAt: at(day, 15, 0), track: "Sal C", capacity: 25 },
    { title: "Workshop: Värdeflödesanalys", startsAt: at(day, 13, 0), endsAt: at(day, 15, 0), track: "Sal D", capacity: 25 },
    { title: "Avslutning och mingel", startsAt: at(day, 15, 30), endsAt: at(day, 16, 30), track: "Aulan" },
  ];
  const created = [];
  for (const s of sessions) created.push(await createSession({ ctx, input: { ...s, waitlist: true, orgId, eventId } }));
  return created;
}

/** The course's four half-days, a week apart: booked together as one package. */
export async function seedCoursePackage(ctx: ServiceContext, orgId: string, eventId: string, at: At, firstDay: number) {
  for (const [i, title] of ["Grunderna och nuläget", "Kartlägg flödet", "Framtida tillstånd", "Handlingsplan och uppföljning"].entries())
    await createSession({ ctx, input: { title: `Tillfälle ${i + 1}: ${title}`, startsAt: at(firstDay + 7 * i, 8), endsAt: at(firstDay + 7 * i, 12), waitlist: true, orgId, eventId } });
}
