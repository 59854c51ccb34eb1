import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registrations } from "../src/db/schema";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { arrivedAt, auditFor, door, makeEvent, passOf, signUp } from "./admin-checkin-fixture";

// The door's codes: typed, scanned by the page's script, and the QR link /admin/c/:code.
let h: AdminHarness;
let staff: SignedIn;
let d: Awaited<ReturnType<typeof door>>;
beforeAll(async () => {
  h = await adminHarness();
  staff = await h.signedIn("checkin");
  d = await door(h);
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.ctx.db.update(registrations).set({ checkedInAt: null });
});

const desk = (eventId = d.eventId) => `/admin/events/${eventId}/checkin`;
const json = { accept: "application/json" };
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("check-in codes at the door", () => {
  it("a typed code, in any case and with or without the dash, checks its holder in", async () => {
    const pass = await passOf(h, h.orgId, d.asa.id);
    const res = await staff.request(`${desk()}/code`, { form: { code: pass.code.replace("-", "").toLowerCase() } });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${desk()}?done=in&r=${d.asa.id}`);
    expect(await arrivedAt(h, d.asa.id)).not.toBeNull();
    expect((await auditFor(h, d.asa.id)).at(-1)!.detail).toEqual({ eventId: d.eventId, via: "code" });
  });

  it("a scanned link, sent by the script as JSON, checks in and answers with the counts", async () => {
    const pass = await passOf(h, h.orgId, d.bo.id);
    const res = await staff.request(`${desk()}/code`, { json: { code: pass.url } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ person: { name: "Bo Ek" }, changed: true, counts: { checkedIn: 1 } });
  });

  it("bad codes get a clear 400/404/409 in the one error shape, and nothing changes", async () => {
    const pass = await passOf(h, h.orgId, d.asa.id);
    const other = await h.otherOrg();
    const theirEvent = await makeEvent(h, {}, other.token);
    const theirs = await signUp(h, theirEvent, { name: "Eva Annan", email: "eva@annan.se" });
    const theirPass = await passOf(h, other.orgId, theirs.id);
    const cases: [unknown, number, string, RegExp][] = [
      ["hello", 400, "invalid_request", /10 letters/],
      ["", 400, "invalid_request", /10 letters/],
      [42, 400, "invalid_request", /10 letters/],
      ["ZZZZZ-ZZZZZ", 404, "not_found", /code/],
      [pass.url.replace(/.$/, (c) => (c === "0" ? "1" : "0")), 404, "not_found", /code/],
      [theirPass.url, 404, "not_found", /code/],
      [theirPass.code, 404, "not_found", /code/],
      [(await passOf(h, h.orgId, d.dan.id)).code, 409, "not_confirmed", /cancelled/],
      [(await passOf(h, h.orgId, d.cia.id)).url, 409, "not_confirmed", /waitlist/],
      [(await passOf(h, h.orgId, d.twin.id)).url, 409, "conflict", /another event: Styrelsemöte/],
    ];
    for (const [code, status, errorCode, message] of cases) {
      const res = await staff.request(`${desk()}/code`, { json: { code } });
      expect(res.status, String(code)).toBe(status);
      const body = JSON.parse(res.text);
      expect(body.error.code).toBe(errorCode);
      expect(body.error.fields?.code ?? body.error.message).toMatch(message);
    }
    const broken = await staff.request(`${desk()}/code`, { method: "POST", headers: { ...json, "content-type": "application/json" } });
    expect(broken.status).toBe(400);
    // The page form shows the reason by the field, keeps what was typed, with the status.
    const page = await staff.request(`${desk()}/code`, { form: { code: "ZZZZZ-ZZZZZ" } });
    expect(page.status).toBe(404);
    expect(page.text).toContain('value="ZZZZZ-ZZZZZ"');
    expect(page.text).toContain('href="#f-code"');
    const dan = await staff.request(`${desk()}/code`, { form: { code: (await passOf(h, h.orgId, d.dan.id)).code } });
    expect(dan.status).toBe(409);
    expect(dan.text).toContain("This registration is cancelled");
    const rows = await h.ctx.db.select({ at: registrations.checkedInAt }).from(registrations).where(eq(registrations.eventId, d.eventId));
    expect(rows.every((r) => r.at === null)).toBe(true);
    expect(await arrivedAt(h, theirs.id)).toBeNull();
  });
});

describe("the link in a QR code (/admin/c/:code)", () => {
  it("shows the person and event with one button; the button checks in", async () => {
    const pass = await passOf(h, h.orgId, d.asa.id);
    const path = new URL(pass.url).pathname;
    const res = await staff.request(path);
    expect(res.status).toBe(200);
    expect(res.text).toContain("<h1>Åsa Söderström</h1>");
    expect(res.text).toContain("Lean-frukost");
    expect(res.text).toContain(`action="${path}"`);
    expect(await arrivedAt(h, d.asa.id)).toBeNull();
    const done = await staff.request(path, { form: {} });
    expect(done.status).toBe(200);
    expect(text(done.text)).toContain("Åsa Söderström: Checked in");
    expect(await arrivedAt(h, d.asa.id)).not.toBeNull();
    const logged = (await auditFor(h, d.asa.id)).length;
    const again = await staff.request(path, { form: {} });
    expect(text(again.text)).toContain("already checked in");
    expect(await auditFor(h, d.asa.id)).toHaveLength(logged);
  });

  it("says plainly when the registration is cancelled, with no button, and refuses the POST", async () => {
    const path = new URL((await passOf(h, h.orgId, d.dan.id)).url).pathname;
    const res = await staff.request(path);
    expect(res.status).toBe(200);
    expect(res.text).toContain("This registration is cancelled");
    expect(res.text).not.toContain(`action="${path}"`);
    const post = await staff.request(path, { form: {} });
    expect(post.status).toBe(409);
    expect(post.text).toContain("cancelled");
    expect(await arrivedAt(h, d.dan.id)).toBeNull();
  });

  it("a malformed code is 400, a forged or foreign one 404", async () => {
    const pass = await passOf(h, h.orgId, d.asa.id);
    expect((await staff.request("/admin/c/nonsense")).status).toBe(400);
    expect((await staff.request(`/admin/c/${d.asa.id}.ZZZZZZZZZZ`)).status).toBe(404);
    expect((await staff.request(`/admin/c/${d.bo.id}.${pass.url.split(".").pop()}`)).status).toBe(404);
  });
});
