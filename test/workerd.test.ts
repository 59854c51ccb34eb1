import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/secrets";
import { liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";

// The Workers build over D1 in workerd, with the same migrations: the core rules hold
// there too (no interactive transactions on D1; batches carry the invariants).
let w: Workerd;
const token = "plats_workerdtesttoken0123456789abcdefghijklmn";
beforeAll(async () => {
  w = await sharedWorkerd();
  const hash = sha256Hex(token);
  await w.d1(
    `INSERT INTO organisations (id, slug, name) VALUES ('org_edge', 'edge', 'Edge org');
     INSERT INTO api_tokens (id, org_id, name, token_hash, created_at) VALUES ('tok_edge', 'org_edge', 'test', '${hash}', 0);`,
  );
});
afterAll(() => w?.stop());

const auth = { authorization: `Bearer ${token}` };
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${w.url}/api/v1${path}`, { headers });
  return { status: res.status, body: await res.json() };
};

describe("workerd with D1", () => {
  it("signup → waitlist → cancel → promotion round trip", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 1 }), auth);
    expect(ev.status).toBe(201);
    const a = await postJson(`${w.url}/api/v1/events/${ev.body.id}/registrations`, { name: "Anna", email: "anna@example.se" });
    const b = await postJson(`${w.url}/api/v1/events/${ev.body.id}/registrations`, { name: "Bo", email: "bo@example.se" });
    expect([a.body.status, b.body.status, b.body.position]).toEqual(["confirmed", "waitlisted", 1]);
    expect(a.body.manageUrl.startsWith(`${w.url}/r/`)).toBe(true);

    const cancel = await postJson(`${w.url}/api/v1/manage/${a.body.manageUrl.split("/r/")[1]}/cancel`, {});
    expect(cancel.body.status).toBe("cancelled");
    const bo = await get(`/manage/${b.body.manageUrl.split("/r/")[1]}`);
    expect(bo.body).toMatchObject({ status: "confirmed", position: null });
    expect((await get(`/events/${ev.body.id}`)).body).toMatchObject({ confirmed: 1, waitlisted: 0, seatsLeft: 0 });
    expect(await w.d1(`SELECT kind FROM outbox WHERE event_id = '${ev.body.id}' ORDER BY rowid`)).toEqual([
      { kind: "confirmed" },
      { kind: "waitlisted" },
      { kind: "cancelled" },
      { kind: "promoted" },
    ]);
  });

  it("never overbooks under concurrent signups", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 10 }), auth);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        postJson(`${w.url}/api/v1/events/${ev.body.id}/registrations`, { name: `P${i}`, email: `p${i}@example.se` }),
      ),
    );
    expect(results.filter((r) => r.status !== 201)).toEqual([]);
    expect(results.filter((r) => r.body.status === "confirmed")).toHaveLength(10);
    const positions = results.filter((r) => r.body.status === "waitlisted").map((r) => r.body.position).sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("answers errors in the one shape", async () => {
    expect((await get("/events")).body.error.code).toBe("unauthorized");
    const bad = await postJson(`${w.url}/api/v1/events`, { title: 1 }, auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("title");
    const dup = await postJson(`${w.url}/api/v1/events`, liveEventBody({ slug: "same" }), auth);
    expect(dup.status).toBe(201);
    const again = await postJson(`${w.url}/api/v1/events`, liveEventBody({ slug: "same" }), auth);
    expect(again.body.error.code).toBe("slug_taken");
    const ev = dup.body.id;
    await postJson(`${w.url}/api/v1/events/${ev}/registrations`, { name: "A", email: "same@example.se" });
    const twice = await postJson(`${w.url}/api/v1/events/${ev}/registrations`, { name: "A", email: "SAME@example.se" });
    expect(twice.body.error.code).toBe("already_registered");
  });

  it("serves the attendee pages: the form, a group signup and the manage page", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 1, slug: "edge-page", language: "en" }), auth);
    const page = await fetch(`${w.url}/e/edge-page`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("1 seat left");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const form = new URLSearchParams({
      firstName: "Ada",
      lastName: "<b>",
      email: "ada@example.se",
      "attendees.1.firstName": "Ben",
      "attendees.1.lastName": "Berg",
      "attendees.1.email": "ben@example.se",
    });
    const posted = await fetch(`${w.url}/e/edge-page?lang=sv`, { method: "POST", body: form, headers: { origin: w.url }, redirect: "manual" });
    expect(posted.status).toBe(303);
    // The result is a page of its own: the redirect leads there, and it opens again.
    const location = new URL(posted.headers.get("location")!, w.url).href;
    expect((await fetch(location)).status).toBe(200);
    const res = await fetch(location);
    const result = await res.text();
    expect(res.status).toBe(200);
    expect(result).toContain("Ada &lt;b&gt;");
    expect(result).toContain("Väntelista, nummer 1");
    const manage = /href="(http[^"]+\/r\/[A-Za-z0-9_-]{22})"/.exec(result)![1]!;
    const own = await fetch(manage);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain("Du har en plats.");
    expect(await w.d1(`SELECT name, first_name AS firstName, last_name AS lastName, status, language FROM registrations WHERE event_id = '${ev.body.id}' ORDER BY seq`)).toEqual([
      { name: "Ada <b>", firstName: "Ada", lastName: "<b>", status: "confirmed", language: "sv" },
      { name: "Ben Berg", firstName: "Ben", lastName: "Berg", status: "waitlisted", language: "sv" },
    ]);
  });
});
