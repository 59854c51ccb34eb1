import { describe, expect, it } from "vitest";
import type { ApiTarget } from "../helpers/apiTarget";
import { manage, manageToken, newEvent, person, signUp, type GetTarget } from "./common";

/** Invitations and staged rows of the whole database: a refused list adds to neither. */
const countAll = async (t: ApiTarget) => ((await t.sql<{ n: number }>("SELECT (SELECT count(*) FROM invitations) + (SELECT count(*) FROM invitation_imports) AS n"))[0]!.n);
const tokenOf = (url: string) => new URL(url).searchParams.get("invitation")!;
const invite = (t: ApiTarget, eventId: string, invitees: unknown[], send?: boolean) =>
  t.api("POST", `/events/${eventId}/invitations`, send === undefined ? { invitees } : { invitees, send });

/** Who may sign up: events by invitation, by approval, and company quotas. */
export function accessBehaviour(target: GetTarget) {
  describe("access: events by invitation", () => {
    it("invites a list (a duplicate merged), lists, revokes and resends; a bad list writes nothing", async () => {
      const t = target();
      const ev = await newEvent(t, { access: "invitation", listed: false });
      expect((await t.api("GET", `/events/${ev.id}`)).body).toMatchObject({ access: "invitation", listed: false, companyQuota: null });
      const bad = await invite(t, ev.id, [{ email: "vd@abb.se" }, { email: "inte-en-adress" }, { email: "x@y.se", seats: 0 }]);
      expect([bad.status, bad.body.error.code]).toEqual([400, "invalid_request"]);
      expect(bad.body.error.fieldCodes).toMatchObject({ "invitees.1.email": { code: "email" }, "invitees.2.seats": { code: "too_small" } });
      expect(await t.sql("SELECT count(*) AS n FROM invitations WHERE event_id = ?", [ev.id])).toEqual([{ n: 0 }]);

      const made = await invite(t, ev.id, [
        { email: "vd@abb.se", name: "Anna Vd", organisation: "ABB", seats: 2 },
        { email: "kansli@teknikforetagen.se", firstName: "Per", lastName: "Kansli", language: "en", seats: 3 },
        { email: "VD@abb.se ", seats: 4 },
      ]);
      expect(made.status).toBe(201);
      expect(made.body.invitations).toEqual([
        expect.objectContaining({ email: "vd@abb.se", seats: 4, status: "sent", firstName: "Anna", lastName: "Vd", organisation: "ABB" }),
        expect.objectContaining({ email: "kansli@teknikforetagen.se", seats: 3, status: "sent", language: "en" }),
      ]);
      for (const i of made.body.invitations) expect(i.url).toMatch(new RegExp(`/e/${ev.slug}\\?invitation=inv_[0-9a-z]+\\.[0-9a-f]{32}$`));
      expect(await t.sql("SELECT kind, to_email, locale FROM outbox WHERE event_id = ? ORDER BY rowid", [ev.id])).toEqual([
        { kind: "invitation", to_email: "vd@abb.se", locale: "sv" },
        { kind: "invitation", to_email: "kansli@teknikforetagen.se", locale: "en" },
      ]);
      // Inviting the same address again merges: no second invitation, no second email.
      const again = await invite(t, ev.id, [{ email: "vd@abb.se", seats: 1 }]);
      expect(again.body.invitations).toEqual([expect.objectContaining({ id: made.body.invitations[0].id, seats: 4 })]);
      expect(await t.sql("SELECT count(*) AS n FROM outbox WHERE event_id = ?", [ev.id])).toEqual([{ n: 2 }]);
      const listed = (await t.client.GET("/events/{id}/invitations", { params: { path: { id: ev.id } } })).data!;
      expect(listed.invitations.map((i) => i.email)).toEqual(["vd@abb.se", "kansli@teknikforetagen.se"]);
      expect(listed.invitations[0]!.url).toBe(made.body.invitations[0].url);

      const id = { params: { path: { id: made.body.invitations[1].id as string } } };
      expect((await t.client.POST("/invitations/{id}/resend", id)).data!.status).toBe("sent");
      expect((await t.client.POST("/invitations/{id}/revoke", id)).data!.status).toBe("revoked");
      const closed = await t.client.POST("/invitations/{id}/resend", id);
      expect([closed.response.status, closed.error?.error.code]).toEqual([409, "conflict"]);
      expect((await t.api("POST", `/invitations/${id}/revoke`, undefined, { token: t.orgs[1]!.token })).status).toBe(404);
      expect((await t.api("GET", `/events/${ev.id}/invitations`, undefined, { token: null })).status).toBe(401);
    });

    it("takes a list of 1000 in chunks and shows it whole; one bad line in a long list writes nothing", async () => {
      const t = target();
      const ev = await newEvent(t, { access: "invitation" });
      // Short fields: the list must stay under the API's 64 KiB body limit.
      const people = Array.from({ length: 1000 }, (_, i) => ({ email: `g${i}@f${i % 40}.se`, name: `G N${i}`, seats: 1 + (i % 3) }));
      const broken = people.map((p, i) => (i === 700 ? { ...p, email: "g700.f.se" } : p));
      const before = await countAll(t);
      const refused = await invite(t, ev.id, broken, false);
      expect([refused.status, Object.keys(refused.body.error.fieldCodes)]).toEqual([400, ["invitees.700.email"]]);
      expect(await countAll(t)).toBe(before);
      const made = await invite(t, ev.id, people, false);
      expect(made.status).toBe(201);
      expect(made.body.invitations).toHaveLength(1000);
      expect(made.body.invitations.every((i: { status: string }) => i.status === "created")).toBe(true);
      expect(await t.sql("SELECT count(*) AS n, sum(seats) AS seats FROM invitations WHERE event_id = ?", [ev.id])).toEqual([{ n: 1000, seats: 1999 }]);
      expect(await t.sql("SELECT count(*) AS n FROM invitation_imports")).toEqual([{ n: 0 }]);
      expect(await t.sql("SELECT count(*) AS n FROM outbox WHERE event_id = ?", [ev.id])).toEqual([{ n: 0 }]);
    });

    it("refuses a signup without a link, with a wrong or revoked one, and a used-up one; changes nothing", async () => {
      const t = target();
      const ev = await newEvent(t, { access: "invitation" });
      const other = await newEvent(t, { access: "invitation" });
      const [open, revoked] = (await invite(t, ev.id, [{ email: "a@firma.se", seats: 1 }, { email: "b@firma.se" }])).body.invitations;
      const [foreign] = (await invite(t, other.id, [{ email: "c@firma.se" }])).body.invitations;
      await t.api("POST", `/invitations/${revoked.id}/revoke`);
      const forged = `${open.id}.${"0".repeat(32)}`;
      const cases: [unknown, number, string][] = [
        [undefined, 403, "invitation_required"],
        [forged, 403, "invitation_required"],
        ["nonsense", 403, "invitation_required"],
        [tokenOf(foreign.url), 403, "invitation_required"],
        [tokenOf(revoked.url), 403, "invitation_revoked"],
      ];
      for (const [invitation, status, code] of cases) {
        const res = await signUp(t, ev.id, person(invitation === undefined ? {} : { invitation }));
        expect([invitation, res.status, res.body.error?.code]).toEqual([invitation, status, code]);
      }
      expect((await signUp(t, ev.id, person({ invitation: tokenOf(open.url) }))).status).toBe(201);
      const used = await signUp(t, ev.id, person({ invitation: tokenOf(open.url) }));
      expect([used.status, used.body.error.code]).toEqual([409, "invitation_used"]);
      expect(await t.sql("SELECT count(*) AS n FROM registrations WHERE event_id = ?", [ev.id])).toEqual([{ n: 1 }]);
    });

    it("100 at once through one invitation of 3 seats: exactly 3 registered; a cancellation gives a seat back", async () => {
      const t = target();
      const ev = await newEvent(t, { access: "invitation", capacity: 200 });
      const [inv] = (await invite(t, ev.id, [{ email: "styrelse@if-metall.se", organisation: "IF Metall", seats: 3 }])).body.invitations;
      const invitation = tokenOf(inv.url);
      const results = await Promise.all(Array.from({ length: 100 }, (_, i) => signUp(t, ev.id, { name: `Gäst ${i}`, email: `g${i}-${ev.id}@example.se`, invitation })));
      const placed = results.filter((r) => r.status === 201);
      expect(placed).toHaveLength(3);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "invitation_used")).toBe(true);
      expect(await t.sql("SELECT count(*) AS n FROM registrations WHERE event_id = ? AND invitation_id = ?", [ev.id, inv.id])).toEqual([{ n: 3 }]);
      expect((await t.api("GET", `/events/${ev.id}/invitations`)).body.invitations[0]).toMatchObject({ registered: 3, seats: 3, status: "registered" });
      await t.api("POST", `/manage/${manageToken(placed[0]!.body.manageUrl)}/cancel`, undefined, { token: null });
      expect((await signUp(t, ev.id, person({ invitation }))).status).toBe(201);
    });
  });

  describe("access: events by approval", () => {
    it("40 applications, 40 approvals at once for 10 seats: 10 confirmed, 30 waitlisted at 1..30", async () => {
      const t = target();
      const ev = await newEvent(t, { access: "approval", capacity: 10 });
      const applied = [];
      for (let i = 0; i < 40; i++) applied.push((await signUp(t, ev.id, { name: `Sökande ${i}`, email: `s${i}-${ev.id}@example.se` })).body);
      expect(applied.every((a) => a.status === "pending" && a.position === null)).toBe(true);
      expect((await t.api("GET", `/events/${ev.id}`)).body).toMatchObject({ confirmed: 0, waitlisted: 0, seatsLeft: 10 });
      expect((await manage(t, applied[0].manageUrl)).body.status).toBe("pending");
      const decisions = await Promise.all(applied.map((a) => t.api("POST", `/registrations/${a.id}/approve`)));
      expect(decisions.every((d) => d.status === 200)).toBe(true);
      expect(decisions.filter((d) => d.body.status === "confirmed")).toHaveLength(10);
      const positions = decisions.filter((d) => d.body.status === "waitlisted").map((d) => d.body.position as number).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const list = await t.api("GET", `/events/${ev.id}/registrations?status=waitlisted&limit=100`);
      expect(list.body.registrations.map((r: { position: number }) => r.position)).toEqual(positions);
      expect(await t.sql("SELECT kind, count(*) AS n FROM outbox WHERE event_id = ? GROUP BY kind ORDER BY kind", [ev.id])).toEqual([
        { kind: "application_received", n: 40 },
        { kind: "confirmed", n: 10 },
        { kind: "waitlisted", n: 30 },
      ]);
      const twice = await t.api("POST", `/registrations/${applied[0].id}/approve`);
      expect([twice.status, twice.body.error.code]).toEqual([409, "conflict"]);
    });

    it("declines politely, lets an applicant withdraw, and approves onto the waitlist behind those waiting", async () => {
      const t = target();
      const ev = await newEvent(t, { access: "approval", capacity: 1 });
      const first = person();
      const [a, b, c] = [await signUp(t, ev.id, first), await signUp(t, ev.id, person()), await signUp(t, ev.id, person())].map((r) => r.body);
      // Applying twice is a double click: refused in the write, and the link goes out again.
      const twice = await signUp(t, ev.id, first);
      expect([twice.status, twice.body.error.code]).toEqual([409, "already_registered"]);
      expect((await t.api("POST", `/registrations/${a.id}/decline`)).body).toEqual({ status: "declined" });
      expect((await manage(t, a.manageUrl)).body.status).toBe("declined");
      expect((await t.api("POST", `/manage/${manageToken(b.manageUrl)}/cancel`, undefined, { token: null })).body.status).toBe("cancelled");
      expect((await t.api("POST", `/registrations/${c.id}/approve`)).body).toEqual({ status: "confirmed", position: null });
      expect(await t.sql("SELECT kind FROM outbox WHERE event_id = ? AND registration_id = ? ORDER BY rowid", [ev.id, a.id])).toEqual([
        { kind: "application_received" },
        { kind: "manage_link" },
        { kind: "application_declined" },
      ]);
      expect((await t.api("POST", `/registrations/${a.id}/approve`, undefined, { token: t.orgs[1]!.token })).status).toBe(404);
    });
  });

  describe("access: a company quota", () => {
    it("holds under a crowd from one company however it is spelt, and when someone changes company", async () => {
      const t = target();
      const ev = await newEvent(t, { capacity: 100, companyQuota: 2 });
      const spellings = ["Volvo Cars AB", "volvo cars", "VOLVO CARS AB (publ)", "Volvo  Cars, AB"];
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => signUp(t, ev.id, { name: `Volvo ${i}`, email: `v${i}-${ev.id}@volvocars.com`, organisation: spellings[i % 4] })),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === "company_quota")).toBe(true);
      const other = await signUp(t, ev.id, person({ organisation: "Södra Cell" }));
      expect(other.status).toBe(201);
      const bad = await t.api("PATCH", `/events/${ev.id}`, { companyQuota: 0 });
      expect([bad.status, bad.body.error.fieldCodes.companyQuota.code]).toEqual([400, "too_small"]);
    });
  });
}
