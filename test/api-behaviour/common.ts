import { expect } from "vitest";
import type { ApiTarget } from "../helpers/apiTarget";
import { liveEventBody } from "../helpers/harness";

// Both runtimes run on the real clock: the fixture event lies FIXTURE_LEAD_DAYS from now,
// and what the suite expects of it is computed from its instants.
export { liveEventBody as eventBody, liveEventTimes as eventTimes, person } from "../helpers/harness";
export { DAY, fromNow, shift } from "../helpers/clock";

/** The suites take a getter: the target starts in beforeAll, after the tests are collected. */
export type GetTarget = () => ApiTarget;

export const manageToken = (manageUrl: string) => manageUrl.split("/r/")[1]!;

export async function newEvent(t: ApiTarget, overrides: Record<string, unknown> = {}, token?: string) {
  const res = await t.api("POST", "/events", liveEventBody(overrides), token === undefined ? {} : { token });
  if (res.status !== 201) throw new Error(`creating the event failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; slug: string; url: string };
}

export const signUp = (t: ApiTarget, eventId: string, body: unknown) =>
  t.api("POST", `/events/${eventId}/registrations`, body, { token: null });

export const manage = (t: ApiTarget, manageUrl: string) => t.api("GET", `/manage/${manageToken(manageUrl)}`, undefined, { token: null });
export const cancelByLink = (t: ApiTarget, manageUrl: string) =>
  t.api("POST", `/manage/${manageToken(manageUrl)}/cancel`, undefined, { token: null });

/** An ISO instant the server stamped during [before, after] (workerd's clock is coarse: a second either way). */
export function expectStampedBetween(iso: unknown, before: number, after: number) {
  expect(typeof iso).toBe("string");
  const at = new Date(iso as string).getTime();
  expect(iso).toBe(new Date(at).toISOString());
  expect(at).toBeGreaterThanOrEqual(before - 1000);
  expect(at).toBeLessThanOrEqual(after + 1000);
}

export interface OutboxRow {
  kind: string;
  org_id: string;
  event_id: string;
  registration_id: string;
  to_email: string;
  to_name: string;
  locale: string;
  payload: string;
  status: string;
  next_attempt_at: number;
}

export const outboxFor = (t: ApiTarget, eventId: string) =>
  t.sql<OutboxRow>("SELECT * FROM outbox WHERE event_id = ? ORDER BY rowid", [eventId]);
