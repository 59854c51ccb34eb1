import { describe, expect, it } from "vitest";
import { eventBody, harness, person } from "./helpers/harness";

// Invariant 6 on both runtimes (every documented error, in the one shape, changing nothing)
// is test/api-behaviour/errors.ts. What stays here needs the in-process app: a rate limit
// configured for the test, with client addresses chosen by the test.
describe("rate limit", () => {
  it("answers 429 rate_limited with Retry-After per client address", async () => {
    const limited = await harness({ signupRateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const ev = (await limited.api("POST", "/events", eventBody())).body.id;
      const from = (ip: string) => limited.api("POST", `/events/${ev}/registrations`, person(), { token: null, ip });
      for (let i = 0; i < 3; i++) expect((await from("198.51.100.7")).status).toBe(201);
      const refused = await from("198.51.100.7");
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe("rate_limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await from("198.51.100.8")).status).toBe(201);
      expect((await limited.api("GET", `/events/${ev}`)).body.confirmed).toBe(4);
    } finally {
      limited.close();
    }
  });
});
