import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember } from "../src/domain/accounts";
import { mintLoginLink } from "../src/domain/accounts";
import { adminHarness, PASSWORD, type AdminHarness } from "./helpers/admin";

let h: AdminHarness;
beforeAll(async () => {
  h = await adminHarness();
});
afterAll(() => h.close());

const NEW = "a brand new sentence to remember";

describe("a member's own password", () => {
  it("needs the current password to replace it, and signs every other browser out", async () => {
    const tablet = await h.signedIn("checkin");
    const page = await tablet.request("/admin/account");
    expect(page.text).toContain('name="current"');
    // A second browser of the same member.
    const other = await h.request("/admin/login", { form: { email: tablet.member.email, password: PASSWORD } });
    const otherCookie = other.headers.get("set-cookie")!.split(";")[0]!;

    for (const current of [undefined, "not it"]) {
      const refused = await tablet.request("/admin/account/password", { form: { ...(current ? { current } : {}), password: NEW, confirm: NEW } });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain("That is not your current password.");
    }
    expect((await h.request("/admin/account", { cookie: otherCookie })).status).toBe(200);

    const changed = await tablet.request("/admin/account/password", { form: { current: PASSWORD, password: NEW, confirm: NEW } });
    expect(changed.status).toBe(303);
    expect(changed.location).toBe("/admin/account?notice=password");
    // This browser stays; the other one is signed out; the new password signs in.
    expect((await tablet.request("/admin/account")).status).toBe(200);
    expect((await h.request("/admin/account", { cookie: otherCookie })).location).toMatch(/^\/admin\/login/);
    expect((await h.request("/admin/login", { form: { email: tablet.member.email, password: NEW } })).status).toBe(303);
    expect((await h.request("/admin/login", { form: { email: tablet.member.email, password: PASSWORD } })).status).toBe(401);
    const audit = await h.database.db.all<{ action: string }>(sql`SELECT action FROM audit_log WHERE subject_id = ${tablet.member.id}`);
    expect(audit.map((a) => a.action)).toContain("member.password");
  });

  it("lets a member who signs in by links set a first password without one", async () => {
    const m = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "lank@techtank.se", role: "organiser" } });
    const token = await mintLoginLink(h.ctx, m.id);
    const cookie = (await h.request(`/admin/login/link/${token}`, { method: "POST" })).headers.get("set-cookie")!.split(";")[0]!;
    const page = await h.request("/admin/account", { cookie });
    expect(page.text).not.toContain('name="current"');
    const set = await h.request("/admin/account/password", { cookie, form: { password: NEW, confirm: NEW } });
    expect(set.status).toBe(303);
    expect((await h.request("/admin/login", { form: { email: "lank@techtank.se", password: NEW } })).status).toBe(303);
  });

  it("refuses a short password and two that differ, changing nothing", async () => {
    const m = await h.signedIn("organiser");
    const short = await m.request("/admin/account/password", { form: { current: PASSWORD, password: "kort", confirm: "kort" } });
    expect(short.status).toBe(400);
    expect(short.text).toContain("Use at least 10 characters.");
    const differ = await m.request("/admin/account/password", { form: { current: PASSWORD, password: NEW, confirm: `${NEW}!` } });
    expect(differ.status).toBe(400);
    expect(differ.text).toContain("The two passwords differ.");
    expect((await h.request("/admin/login", { form: { email: m.member.email, password: PASSWORD } })).status).toBe(303);
  });

  it("is for signed-in members from our own pages only", async () => {
    expect((await h.request("/admin/account")).location).toBe("/admin/login?next=%2Fadmin%2Faccount");
    expect((await h.request("/admin/account/password", { form: { password: NEW, confirm: NEW } })).location).toBe("/admin/login");
    const m = await h.signedIn("owner");
    const cross = await m.request("/admin/account/password", { form: { current: PASSWORD, password: NEW, confirm: NEW }, origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect((await h.request("/admin/login", { form: { email: m.member.email, password: PASSWORD } })).status).toBe(303);
  });
});

describe("guessing the current password", () => {
  it("is slowed down like signing in: after five wrong ones even the right one waits, then goes through", async () => {
    const m = await h.signedIn("organiser");
    for (let i = 0; i < 5; i++) {
      const wrong = await m.request("/admin/account/password", { form: { current: `guess ${i}`, password: NEW, confirm: NEW } });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain("That is not your current password.");
    }
    const waiting = await m.request("/admin/account/password", { form: { current: PASSWORD, password: NEW, confirm: NEW } });
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get("retry-after")).toBe("1");
    expect(waiting.text).toContain("Too many wrong attempts: wait 1 s and try again");
    // The same count as signing in: the address waits there too.
    expect((await h.request("/admin/login", { form: { email: m.member.email, password: PASSWORD } })).status).toBe(429);
    h.clock.advance(1000);
    const changed = await m.request("/admin/account/password", { form: { current: PASSWORD, password: NEW, confirm: NEW } });
    expect(changed.status).toBe(303);
    // A right one clears the count: the next wrong guess is an ordinary one.
    const again = await m.request("/admin/account/password", { form: { current: "guess again", password: NEW, confirm: NEW } });
    expect(again.status).toBe(400);
  });
});
