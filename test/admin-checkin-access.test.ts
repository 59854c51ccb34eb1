import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, setPassword } from "../src/domain/accounts";
import { adminHarness, PASSWORD, type AdminHarness, type SignedIn } from "./helpers/admin";
import { arrivedAt, auditFor, door, passOf } from "./admin-checkin-fixture";

// Who may use the door's routes: signed out, other organisations, every role, cross-site
// posts; and that the check-in role stays out of the organisers' pages.
let h: AdminHarness;
let staff: SignedIn;
let d: Awaited<ReturnType<typeof door>>;
beforeAll(async () => {
  h = await adminHarness();
  staff = await h.signedIn("checkin");
  d = await door(h);
});
afterAll(() => h.close());

const desk = (eventId = d.eventId) => `/admin/events/${eventId}/checkin`;
const json = { accept: "application/json" };
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("who may use the door", () => {
  const routes = () => {
    const code = `/admin/c/${d.asa.id}.${"0".repeat(10)}`;
    return [
      { method: "GET", path: "/admin/checkin" },
      { method: "GET", path: desk() },
      { method: "GET", path: `${desk()}/search?q=a` },
      { method: "POST", path: `${desk()}/code` },
      { method: "POST", path: `${desk()}/r/${d.asa.id}` },
      { method: "POST", path: `${desk()}/r/${d.asa.id}/undo` },
      { method: "GET", path: code },
      { method: "POST", path: code },
    ];
  };

  it("signed out: pages go to sign-in and back, the script gets 401 JSON", async () => {
    for (const r of routes()) {
      const page = await h.request(r.path, { method: r.method, ...(r.method === "POST" ? { form: { code: "x" } } : {}) });
      expect(page.status, r.path).toBe(303);
      if (r.method === "GET") expect(page.location).toBe(`/admin/login?next=${encodeURIComponent(r.path)}`);
      else expect(page.location).toBe("/admin/login");
      const script = await h.request(r.path, { method: r.method, headers: json });
      expect(script.status, r.path).toBe(401);
      expect(JSON.parse(script.text).error.code).toBe("unauthorized");
    }
  });

  it("a scanned link opened signed out comes back to the same link after signing in", async () => {
    const path = new URL((await passOf(h, h.orgId, d.asa.id)).url).pathname;
    const away = await h.request(path);
    expect(away.location).toBe(`/admin/login?next=${encodeURIComponent(path)}`);
    const member = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "door@cluster.se", role: "checkin" } });
    await setPassword({ ctx: h.ctx, member, password: PASSWORD });
    const login = await h.request("/admin/login", { form: { email: member.email, password: PASSWORD, next: path } });
    expect(login.status).toBe(303);
    expect(login.location).toBe(path);
  });

  it("another organisation's door member gets 404 for our events, people and codes", async () => {
    const other = await h.otherOrg();
    const stranger = await h.signedIn("checkin", other.orgId);
    const pass = await passOf(h, h.orgId, d.asa.id);
    for (const r of routes().filter((r) => r.path !== "/admin/checkin")) {
      const res = await stranger.request(r.path, { method: r.method, headers: json, ...(r.method === "POST" ? { json: { code: pass.code } } : {}) });
      expect(res.status, `${r.method} ${r.path}`).toBe(404);
      expect(JSON.parse(res.text).error.code).toBe("not_found");
    }
    const scanned = await stranger.request(new URL(pass.url).pathname, { form: {} });
    expect(scanned.status).toBe(404);
    expect(scanned.text).not.toContain("Söderström");
    expect(text((await stranger.request("/admin/checkin")).text)).not.toContain("Lean-frukost");
    expect(await arrivedAt(h, d.asa.id)).toBeNull();
  });

  it("every role reaches the door (check-in is the lowest role)", async () => {
    for (const role of ["checkin", "organiser", "owner"] as const) {
      const member = role === "checkin" ? staff : await h.signedIn(role);
      expect((await member.request("/admin/checkin")).status).toBe(200);
      expect((await member.request(desk())).status).toBe(200);
    }
  });

  it("a cross-site POST is refused and changes nothing", async () => {
    const pass = await passOf(h, h.orgId, d.asa.id);
    const logged = (await auditFor(h, d.asa.id)).length;
    for (const path of [`${desk()}/r/${d.asa.id}`, `${desk()}/code`, new URL(pass.url).pathname]) {
      const res = await staff.request(path, { form: { code: pass.code }, origin: "https://evil.example" });
      expect(res.status, path).toBe(403);
    }
    expect(await arrivedAt(h, d.asa.id)).toBeNull();
    expect(await auditFor(h, d.asa.id)).toHaveLength(logged);
  });

  it("the check-in role is refused the attendance list and the edit page (403)", async () => {
    expect((await staff.request(`/admin/events/${d.eventId}`)).status).toBe(403);
    expect((await staff.request(`/admin/events/${d.eventId}/edit`)).status).toBe(403);
    expect((await staff.request(`/admin/events/${d.eventId}/attendees.csv`)).status).toBe(403);
  });
});
