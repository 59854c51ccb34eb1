import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, harness, person, type Harness } from "./helpers/harness";

// Signup, waitlist, manage link and their errors run on both runtimes in
// test/api-behaviour/. What stays here needs the injected clock: the moment an event starts.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const newEvent = async (overrides: Record<string, unknown> = {}) =>
  (await h.api("POST", "/events", eventBody(overrides))).body as { id: string };
const signUp = (eventId: string, body: unknown) =>
  h.api("POST", `/events/${eventId}/registrations`, body, { token: null });

describe("manage link", () => {
  it("cannot cancel once the event has started", async () => {
    const ev = await newEvent({ startsAt: "2026-11-22T08:00:00Z", endsAt: "2026-11-22T16:00:00Z" });
    const res = await signUp(ev.id, person());
    const token = res.body.manageUrl.split("/r/")[1];
    h.clock.set("2026-11-22T08:00:00Z");
    try {
      const late = await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("registration_closed");
      expect((await h.api("GET", `/manage/${token}`, undefined, { token: null })).body.status).toBe("confirmed");
    } finally {
      h.clock.set("2026-11-21T09:00:00Z");
    }
  });
});
