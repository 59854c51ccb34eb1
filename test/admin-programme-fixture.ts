import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { AdminHarness, SignedIn } from "./helpers/admin";

// The programme's forms as the workspace's pages submit them, for the files that test it
// (admin-programme*.test.ts). Times are typed on the event's clock (Europe/Stockholm,
// UTC+1 on 18 March 2027); the harness clock is pinned, so they hold whatever today is.

/** The event form as the page submits it. */
export const eventForm = (overrides: Record<string, string> = {}) => ({
  title: "LEAN-dag Karlskrona",
  slug: "",
  description: "",
  venue: "Techtank",
  address: "",
  onlineUrl: "",
  startsAt: "2027-03-18T09:00",
  endsAt: "2027-03-18T16:00",
  timezone: "Europe/Stockholm",
  capacity: "2",
  groupLimit: "1",
  language: "sv",
  status: "published",
  registrationOpensAt: "",
  registrationClosesAt: "",
  waitlist: "yes",
  waitlistMode: "auto",
  offerMinutes: "1440",
  programme: "choose",
  maxSessions: "",
  ...overrides,
});

/** The session form as the page submits it. */
export const sessionForm = (overrides: Record<string, string> = {}) => ({
  title: "Värdeflödesanalys",
  startsAt: "2027-03-18T10:00",
  endsAt: "2027-03-18T11:00",
  track: "Sal B",
  venue: "",
  description: "",
  capacity: "1",
  waitlist: "yes",
  ...overrides,
});

/** The text of the error shown beside a field, or null. */
export const fieldError = (html: string, name: string) =>
  [...html.matchAll(/<p class="field-error" id="f-([\w.]+)-error">([^<]*)<\/p>/g)].find((m) => m[1] === name)?.[2] ?? null;

/** The cells of the programme table's row of a session, as text. */
export function rowOf(html: string, title: string) {
  const row = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(`>${title}`));
  if (!row) return null;
  return [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
}

/** Reading the database, and making events and sessions through the workspace's forms. */
export function programmeFixture(h: AdminHarness) {
  const sessionRows = (eventId: string) =>
    h.database.db.all<Record<string, unknown>>(sql`SELECT * FROM event_sessions WHERE event_id = ${eventId} ORDER BY position`);
  return {
    sessionRows,
    eventRow: (id: string) => h.database.db.get<Record<string, unknown>>(sql`SELECT * FROM events WHERE id = ${id}`),
    auditOf: (action: string) =>
      h.database.db.all<{ subject_id: string; actor_email: string }>(sql`SELECT subject_id, actor_email FROM audit_log WHERE action = ${action} ORDER BY seq`),

    /** A member who chose to read the workspace in `language`. */
    async reading(language: "sv" | "nb", role: "organiser" | "owner" = "organiser") {
      const member = await h.signedIn(role, h.orgId, language);
      expect((await member.request("/admin/language", { form: { language } })).status).toBe(303);
      return member;
    },

    async createdEvent(who: SignedIn, overrides: Record<string, string> = {}) {
      const res = await who.request("/admin/events/new", { form: eventForm(overrides) });
      expect(res.status, res.text.slice(0, 400)).toBe(303);
      return /^\/admin\/events\/(evt_\w+)\//.exec(res.location!)![1]!;
    },

    async addedSession(who: SignedIn, eventId: string, overrides: Record<string, string> = {}) {
      const before = (await sessionRows(eventId)).length;
      const res = await who.request(`/admin/events/${eventId}/programme`, { form: sessionForm(overrides) });
      expect(res.status, res.text.slice(0, 400)).toBe(303);
      expect(res.location).toBe(`/admin/events/${eventId}/programme?notice=created`);
      const rows = await sessionRows(eventId);
      expect(rows.length).toBe(before + 1);
      return rows.find((r) => r.title === (overrides.title ?? "Värdeflödesanalys"))!.id as string;
    },

    async signUp(eventId: string, email: string, sessions: string[]) {
      const res = await h.api("POST", `/events/${eventId}/registrations`, { name: `Deltagare ${email}`, email, sessions }, { token: null });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    },
  };
}
