import { expect } from "vitest";
import type { ApiTarget } from "../helpers/apiTarget";
import { eventBody } from "../helpers/harness";

export { eventBody, person } from "../helpers/harness";

/** The suites take a getter: the target starts in beforeAll, after the tests are collected. */
export type GetTarget = () => ApiTarget;

export const DAY = 86_400_000;

/** An instant relative to the real clock: both runtimes run on real time, nothing is injected. */
export const fromNow = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

export const manageToken = (manageUrl: string) => manageUrl.split("/r/")[1]!;

export async function newEvent(t: ApiTarget, overrides: Record<string, unknown> = {}, token?: string) {
  const res = await t.api("POST", "/events", eventBody(overrides), token === undefined ? {} : { token });
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
