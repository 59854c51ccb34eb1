import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntry } from "../src/domain/audit";
import { createMember, removeMember } from "../src/domain/accounts";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";
import { MINUTE } from "./helpers/clock";

// /admin/audit: the organisation's log for owners, newest first, a page at a time.
let h: AdminHarness;
let owner: SignedIn;
let eventId: string;
let goneMemberId: string;
beforeAll(async () => {
  h = await adminHarness();
  owner = await h.signedIn("owner");
  eventId = (await h.api("POST", "/events", eventBody())).body.id;
  const gone = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "gone@cluster.se", role: "organiser" }, by: owner.member });
  goneMemberId = gone.id;
  await removeMember({ ctx: h.ctx, input: { orgId: h.orgId, id: gone.id }, by: owner.member });
  const entries = [];
  for (let i = 1; i <= 60; i++) {
    h.clock.advance(MINUTE);
    entries.push(auditEntry(h.ctx, owner.member, { action: "registration.promote", subjectType: "registration", subjectId: `reg_gone${i}`, detail: { n: i } }));
  }
  h.clock.advance(MINUTE);
  entries.push(auditEntry(h.ctx, owner.member, { action: "event.update", subjectType: "event", subjectId: eventId, detail: { fields: ["title"], note: "<script>alert(1)</script>" } }));
  await h.database.db.batch(entries as [(typeof entries)[number], ...typeof entries]);
  // Another organisation's entry must never show.
  const other = await h.otherOrg();
  await auditEntry(h.ctx, { orgId: other.orgId, id: null, email: "elsewhere@iucsyd.se" }, { action: "event.create", detail: { title: "Hemlig" } });
});
afterAll(() => h.close());

const seqs = (text: string) => [...text.matchAll(/<tr id="seq-(\d+)">/g)].map((m) => Number(m[1]));

describe("/admin/audit", () => {
  it("shows the newest entries first with time, actor, action, a link to a subject that still exists, and escaped detail", async () => {
    const res = await owner.request("/admin/audit");
    expect(res.status).toBe(200);
    const shown = seqs(res.text);
    expect(shown).toHaveLength(50);
    expect([...shown].sort((a, b) => b - a)).toEqual(shown);
    expect(res.text).toContain(`<a href="/admin/events/${eventId}">event ${eventId}</a>`);
    expect(res.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(res.text).not.toContain("<script>alert(1)</script>");
    expect(res.text).toContain(owner.member.email);
    expect(res.text).toMatch(/<time datetime="2026-11-21T\d\d:\d\d:00\.000Z">21 Nov 2026, \d\d:\d\d:00 UTC<\/time>/);
    // A registration that no longer exists is named, not linked.
    expect(res.text).toContain("<span>registration reg_gone60</span>");
    expect(res.text).not.toContain("Hemlig");
    expect(res.text).not.toContain("elsewhere@iucsyd.se");
  });

  it("pages back with ?before= until the first entry", async () => {
    const first = await owner.request("/admin/audit");
    const older = first.text.match(/href="(\/admin\/audit\?before=\d+)"/)![1]!;
    const last = Math.min(...seqs(first.text));
    expect(older).toBe(`/admin/audit?before=${last}`);
    const second = await owner.request(older);
    const shown = seqs(second.text);
    expect(shown.length).toBeGreaterThan(0);
    expect(Math.max(...shown)).toBeLessThan(last);
    expect(second.text).not.toContain("Older entries");
    // The oldest entries: the member added and removed, no longer linked.
    expect(second.text).toContain("member.create");
    expect(second.text).toContain(`<span>user ${goneMemberId}</span>`);
  });

  it("filters by an action prefix, and the next page keeps the filter", async () => {
    const res = await owner.request("/admin/audit?action=member.");
    const actions = [...res.text.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(actions.every((a) => a!.startsWith("member."))).toBe(true);
    const promotions = await owner.request("/admin/audit?action=registration.");
    expect(promotions.text).toMatch(/href="\/admin\/audit\?before=\d+&amp;action=registration\."/);
    expect((await owner.request("/admin/audit?action=nothing.like.this")).text).toContain("No entries for actions starting with");
    // "_" is a letter here, not a LIKE wildcard.
    expect((await owner.request("/admin/audit?action=member_")).text).toContain("No entries");
  });

  it.each(["before=abc", "before=-1", "before=0", "action=%25", "action=" + "a".repeat(65), "action=DROP TABLE"])("refuses ?%s with a 400 page", async (query) => {
    const res = await owner.request(`/admin/audit?${query.replace(/ /g, "%20")}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain("error-summary");
  });
});

describe("/admin/audit access", () => {
  it("signed out: a page goes to sign-in, a script gets 401", async () => {
    const page = await h.request("/admin/audit?before=10");
    expect(page.status).toBe(303);
    expect(page.location).toBe("/admin/login?next=%2Fadmin%2Faudit%3Fbefore%3D10");
    expect((await h.request("/admin/audit", { headers: { accept: "application/json" } })).status).toBe(401);
  });

  it("organisers and check-in staff are refused (403)", async () => {
    for (const role of ["organiser", "checkin"] as const) {
      const m = await h.signedIn(role);
      const res = await m.request("/admin/audit");
      expect(res.status).toBe(403);
      expect(res.text).not.toContain("registration.promote");
    }
  });

  it("the log is read-only: a post (same-site or not) changes nothing and finds no route", async () => {
    expect((await owner.request("/admin/audit", { form: {} })).status).toBe(404);
    expect((await owner.request("/admin/audit", { form: {}, origin: "https://evil.example" })).status).toBe(403);
  });
});
