import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/node";
import { TestClock } from "./helpers/clock";
import { harness, liveEventBody, person, type Harness } from "./helpers/harness";
import { startTestServer } from "./helpers/server";

// The per-address limit as `npm start` runs it: the client address comes from the Node
// socket (getConnInfo), which needs the server's bindings to reach the app.
let h: Harness;
let server: RunningServer & { url: string };
beforeAll(async () => {
  // The app here shares its database with the real server, which runs on the real clock.
  h = await harness({}, { clock: TestClock.real() });
  server = await startTestServer(h.database.url, { SIGNUP_RATE_LIMIT: "3" });
});
afterAll(async () => {
  await server.close();
  h.close();
});

describe("signup rate limit on the real server", () => {
  it("lets an address sign up three times a minute, then answers 429 with Retry-After", async () => {
    const id = (await h.api("POST", "/events", liveEventBody({ capacity: 10 }))).body.id;
    const signUp = () =>
      fetch(`${server.url}/api/v1/events/${id}/registrations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(person()),
      });
    for (let i = 0; i < 3; i++) expect((await signUp()).status).toBe(201);
    const refused = await signUp();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate_limited");
  });
});
