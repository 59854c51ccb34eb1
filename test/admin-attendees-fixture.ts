import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { AdminHarness } from "./helpers/admin";
import { eventBody, person } from "./helpers/harness";

/** What the attendee suites share: events made through the API, signups through the public API. */
export async function newEvent(h: AdminHarness, overrides: Record<string, unknown> = {}) {
  const res = await h.api("POST", "/events", eventBody(overrides));
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function signUp(h: AdminHarness, eventId: string, overrides: Record<string, unknown> = {}) {
  const res = await h.api("POST", `/events/${eventId}/registrations`, person(overrides), { token: null });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; position: number | null };
}

/** Several signups, one after the other (so arrival order is known). */
export async function signUps(h: AdminHarness, eventId: string, n: number, overrides: (i: number) => Record<string, unknown> = () => ({})) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await signUp(h, eventId, overrides(i)));
  return out;
}

export interface RegRow {
  id: string;
  name: string;
  email: string;
  status: string;
  over_capacity: number;
  added_by: string | null;
  event_id: string;
}

export const registrationRows = (h: AdminHarness, eventId: string) =>
  h.database.db.all<RegRow>(sql`SELECT id, name, email, status, over_capacity, added_by, event_id FROM registrations WHERE event_id = ${eventId} ORDER BY seq`);

export const registrationRow = async (h: AdminHarness, id: string) =>
  (await h.database.db.all<RegRow>(sql`SELECT id, name, email, status, over_capacity, added_by, event_id FROM registrations WHERE id = ${id}`))[0]!;

export const outboxRows = (h: AdminHarness) =>
  h.database.db.all<{ kind: string; registration_id: string | null; to_email: string; payload: string }>(
    sql`SELECT kind, registration_id, to_email, payload FROM outbox ORDER BY rowid`,
  );

export const auditRows = (h: AdminHarness) =>
  h.database.db.all<{ action: string; subject_id: string | null; user_id: string | null; actor_email: string; detail: string }>(
    sql`SELECT action, subject_id, user_id, actor_email, detail FROM audit_log ORDER BY seq`,
  );

/** Everything a refused request must leave alone, to compare before and after. */
export async function snapshot(h: AdminHarness) {
  const [regs, outbox, audit] = await Promise.all([
    h.database.db.all(sql`SELECT id, status, over_capacity, confirmed_at, cancelled_at FROM registrations ORDER BY seq`),
    h.database.db.all(sql`SELECT id FROM outbox ORDER BY rowid`),
    h.database.db.all(sql`SELECT seq FROM audit_log ORDER BY seq`),
  ]);
  return { regs, outbox, audit };
}

/**
 * Free seats while people wait: the state after the registration window closed (no more
 * automatic promotion), made directly so each test knows exactly who holds what.
 */
export const setCapacity = (h: AdminHarness, eventId: string, capacity: number) =>
  h.database.db.run(sql`UPDATE events SET capacity = ${capacity} WHERE id = ${eventId}`);

export const listPath = (eventId: string) => `/admin/events/${eventId}`;
export const regPath = (eventId: string, regId: string, action: string) => `/admin/events/${eventId}/registrations/${regId}/${action}`;

/** The rows of the list's table: each row's visible text, squeezed. */
export function tableRows(html: string) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr id="(reg_[^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({
    id: m[1]!,
    text: m[2]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim(),
  }));
}

const unescape = (href: string) => href.replaceAll("&amp;", "&");

/** The list page's links to its next and its first page, as a browser would follow them (null when absent). */
export function pagerLinks(html: string) {
  const next = /<a href="([^"]+)" rel="next">Next page<\/a>/.exec(html)?.[1];
  const first = /<a href="([^"]+)">First page<\/a>/.exec(html)?.[1];
  return { next: next ? unescape(next) : null, first: first ? unescape(first) : null };
}

/** The table's caption, squeezed: the count, the filter and which rows the page shows. */
export const caption = (html: string) => /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(html)?.[1]?.replace(/\s+/g, " ").trim() ?? null;
