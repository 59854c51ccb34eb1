import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/secrets";
import { caption, pagerLinks, tableRows } from "./admin-attendees-fixture";
import { liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";

// The workspace's attendance list in the Workers build (workerd, D1): its pages, the
// waitlist places counted through JSON and window functions, and the search in SQL over
// the search text that signups wrote on D1.
let w: Workerd;
let eventId: string;
const token = "plats_workerdlisttoken0123456789abcdefghijklm";
const session = "workerd-list-session-0123456789abcdefghijklm";
const list = () => `/admin/events/${eventId}`;
// An English browser: the member inserted here never chose a language, and the test reads English.
const admin = async (path: string) => {
  const res = await fetch(`${w.url}${path}`, { headers: { cookie: `plats_admin=${session}`, "accept-language": "en" }, redirect: "manual" });
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  w = await sharedWorkerd();
  const far = Date.now() + 86_400_000;
  await w.d1(
    `INSERT INTO organisations (id, slug, name) VALUES ('org_l', 'l', 'List org');
     INSERT INTO api_tokens (id, org_id, name, token_hash, created_at) VALUES ('tok_l', 'org_l', 'test', '${sha256Hex(token)}', 0);
     INSERT INTO users (id, org_id, email, email_key, role, created_at) VALUES ('usr_l', 'org_l', 'o@l.se', 'o@l.se', 'organiser', 0);
     INSERT INTO sessions (token_hash, user_id, created_at, expires_at, absolute_expires_at) VALUES ('${sha256Hex(session)}', 'usr_l', 0, ${far}, ${far});`,
  );
  const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ title: "Kö", capacity: 1 }), { authorization: `Bearer ${token}` });
  expect(ev.status).toBe(201);
  eventId = ev.body.id;
  // Signed up through the Worker, so the search text is the one it wrote: Ørjan holds
  // the seat, Märta waits first.
  for (const [name, email] of [["Ørjan Ødegård", "orjan@7sterke.no"], ["Märta Söderström", "marta@iucsyd.se"]]) {
    const res = await postJson(`${w.url}/api/v1/events/${eventId}/registrations`, { name, email });
    expect(res.status).toBe(201);
  }
  // Then 250 more waiting, straight into D1 (ASCII names: lower() folds them as the domain does).
  await w.d1(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)
     INSERT INTO registrations (id, event_id, name, email, email_key, search_text, language, answers, status, created_at)
     SELECT 'reg_w' || printf('%03d', i), '${eventId}', 'Queue ' || i, 'q' || i || '@example.se', 'q' || i || '@example.se',
            'queue ' || i || ' q' || i || '@example.se', 'sv', '{}', 'waitlisted', ${Date.now()} + i
     FROM n;`,
  );
}, 180_000);
afterAll(() => w?.stop());

describe("the attendance list on Workers", () => {
  it("pages 252 people by 100, numbering the queue over every page", async () => {
    const pages = [];
    for (let path: string | null = list(); path; path = pagerLinks(pages.at(-1)!.text).next) {
      const res = await admin(path);
      expect(res.status, path).toBe(200);
      pages.push(res);
    }
    expect(pages.map((p) => tableRows(p.text).length)).toEqual([100, 100, 52]);
    const rows = pages.flatMap((p) => tableRows(p.text));
    expect(new Set(rows.map((r) => r.id)).size).toBe(252);
    expect(rows[0]!.text).toContain("Ørjan Ødegård confirmed");
    expect(rows[1]!.text).toContain("Märta Söderström waitlisted #1 ");
    expect(rows[251]!.text).toContain("Queue 250 waitlisted #251 ");
    expect(caption(pages[2]!.text)).toBe("252 registrations · confirmed and waitlisted · showing 201–252");
  });

  it("searches in D1 as on Node: accents and ø ignored, every word, places in the whole queue", async () => {
    const ids = async (q: string) => tableRows((await admin(`${list()}?q=${encodeURIComponent(q)}`)).text).map((r) => r.text.split(" ").slice(0, 2).join(" "));
    expect(await ids("orjan")).toEqual(["Ørjan Ødegård"]);
    expect(await ids("SODER marta")).toEqual(["Märta Söderström"]);
    expect(await ids("odegard soder")).toEqual([]);
    const found = await admin(`${list()}?status=waitlisted&q=${encodeURIComponent("queue 24")}`);
    // Queue 24, 124, 224 and 240..249, each with their place in the whole queue (Märta is first).
    const places = ["25", "125", "225", ...Array.from({ length: 10 }, (_, i) => String(241 + i))];
    expect(tableRows(found.text).map((r) => /#(\d+)/.exec(r.text)![1])).toEqual(places);
    const bad = await admin(`${list()}?after=w0`);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("This page link is not valid");
  });
});
