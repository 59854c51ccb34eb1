import { and, eq } from "drizzle-orm";
import { auditLog, registrations } from "../src/db/schema";
import { checkinKeyOf, checkinPass } from "../src/domain/checkin";
import type { AdminHarness } from "./helpers/admin";
import { eventBody, type Harness } from "./helpers/harness";

/** An event of the harness organisation (or another, by its token), its id. */
export async function makeEvent(h: Harness, overrides: Record<string, unknown> = {}, token?: string) {
  const res = await h.api("POST", "/events", eventBody({ capacity: 2, ...overrides }), token ? { token } : {});
  if (res.status !== 201) throw new Error(`event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** A public signup; returns the registration id and its manage token. */
export async function signUp(h: Harness, eventId: string, body: Record<string, unknown>) {
  const res = await h.api("POST", `/events/${eventId}/registrations`, body, { token: null });
  if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, status: res.body.status as string, token: String(res.body.manageUrl).split("/r/")[1]! };
}

export async function passOf(h: Harness, orgId: string, registrationId: string) {
  return checkinPass(h.ctx, await checkinKeyOf(h.ctx, orgId), registrationId)!;
}

export async function arrivedAt(h: Harness, id: string) {
  const [r] = await h.ctx.db.select({ at: registrations.checkedInAt }).from(registrations).where(eq(registrations.id, id));
  return r?.at ?? null;
}

export async function auditFor(h: Harness, id: string) {
  return h.ctx.db.select().from(auditLog).where(and(eq(auditLog.subjectId, id))).orderBy(auditLog.seq);
}

/**
 * An event with a confirmed Åsa Söderström and Bo Ek, a waitlisted Cia Väntar and a
 * cancelled Dan Avbokad (capacity 2); plus a second event of the same organisation with
 * another Åsa, for scoping.
 */
export async function door(h: AdminHarness) {
  const eventId = await makeEvent(h, { title: "Lean-frukost" });
  const asa = await signUp(h, eventId, { name: "Åsa Söderström", email: "asa@verkstad.se", organisation: "Verkstad AB" });
  const bo = await signUp(h, eventId, { name: "Bo Ek", email: "bo@ek.se" });
  const cia = await signUp(h, eventId, { name: "Cia Väntar", email: "cia@example.se" });
  const dan = await signUp(h, eventId, { name: "Dan Avbokad", email: "dan@example.se" });
  // Dan leaves the waitlist (Cia stays first in line).
  await h.api("POST", `/manage/${dan.token}/cancel`, undefined, { token: null });
  const otherEventId = await makeEvent(h, { title: "Styrelsemöte" });
  const twin = await signUp(h, otherEventId, { name: "Åsa Andersson", email: "asa@annat.se" });
  return { eventId, otherEventId, asa, bo, cia, dan, twin };
}
