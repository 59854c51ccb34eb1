import { expect } from "vitest";
import type { paths } from "../helpers/api.gen";
import { bearer, type ApiResponse, type ApiTarget } from "../helpers/apiTarget";
import { liveEventBody } from "../helpers/harness";

// Both runtimes run on the real clock: the fixture event lies FIXTURE_LEAD_DAYS from now,
// and what the suite expects of it is computed from its instants.
export { liveEventBody as eventBody, liveEventTimes as eventTimes, person } from "../helpers/harness";
export { DAY, fromNow, shift } from "../helpers/clock";

/** The suites take a getter: the target starts in beforeAll, after the tests are collected. */
export type GetTarget = () => ApiTarget;

export const manageToken = (manageUrl: string) => manageUrl.split("/r/")[1]!;

export async function newEvent(t: ApiTarget, overrides: Record<string, unknown> = {}, token?: string) {
  // The fixture's overrides are free-form (some suites send fields of their own); the answer is typed.
  const body = liveEventBody(overrides) as EventBody;
  const { data, error, response } = await t.client.POST("/events", { body, ...(token === undefined ? {} : { headers: bearer(token) }) });
  if (response.status !== 201 || !data) throw new Error(`creating the event failed: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

type EventBody = NonNullable<paths["/events"]["post"]["requestBody"]>["content"]["application/json"];

/**
 * A typed call's result as the suites read answers (status, headers, body: the JSON of a
 * success or of a refusal), so the typed client and `t.api` serve the same assertions.
 */
export async function answer<T, E>(call: Promise<{ data?: T; error?: E; response: Response }>): Promise<ApiResponse> {
  const { data, error, response } = await call;
  return { status: response.status, headers: response.headers, body: data ?? error };
}

/**
 * A signup as a form would send it: no token. The suites send invalid bodies on purpose, so
 * the body is not held to the schema; a string is sent as it is (JSON written by hand).
 */
export const signUp = (t: ApiTarget, eventId: string, body: unknown) =>
  answer(
    t.client.POST("/events/{id}/registrations", {
      params: { path: { id: eventId } },
      body: body as SignupBody,
      headers: bearer(null),
      ...(typeof body === "string" ? { bodySerializer: (raw: unknown) => raw as string } : {}),
    }),
  );

type SignupBody = NonNullable<paths["/events/{id}/registrations"]["post"]["requestBody"]>["content"]["application/json"];

export const manage = (t: ApiTarget, manageUrl: string) =>
  answer(t.client.GET("/manage/{token}", { params: { path: { token: manageToken(manageUrl) } }, headers: bearer(null) }));
export const cancelByLink = (t: ApiTarget, manageUrl: string) =>
  answer(t.client.POST("/manage/{token}/cancel", { params: { path: { token: manageToken(manageUrl) } }, headers: bearer(null) }));

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
