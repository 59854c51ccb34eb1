import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";
import { programmeFixture, sessionForm } from "./admin-programme-fixture";

// Who may use the programme's pages (every route, for the roles and organisations that may
// not), and the audit log's words for what they do.

let h: AdminHarness;
let sv: SignedIn;
let f: ReturnType<typeof programmeFixture>;
const createdEvent = (overrides: Record<string, string> = {}) => f.createdEvent(sv, overrides);
const addedSession = (eventId: string, overrides: Record<string, string> = {}) => f.addedSession(sv, eventId, overrides);

beforeAll(async () => {
  h = await adminHarness();
  f = programmeFixture(h);
  sv = await f.reading("sv");
});
afterAll(() => h.close());

describe("who may", () => {
  let eventId: string;
  let sessionId: string;
  const routes = () => [
    ["GET", `/admin/events/${eventId}/programme`],
    ["POST", `/admin/events/${eventId}/programme`],
    ["GET", `/admin/sessions/${sessionId}/edit`],
    ["POST", `/admin/sessions/${sessionId}/edit`],
    ["POST", `/admin/sessions/${sessionId}/move`],
    ["GET", `/admin/sessions/${sessionId}/cancel`],
    ["POST", `/admin/sessions/${sessionId}/cancel`],
  ] as const;
  const snapshot = async () => ({
    sessions: await h.database.db.all(sql`SELECT * FROM event_sessions ORDER BY id`),
    audit: await h.database.db.all(sql`SELECT * FROM audit_log ORDER BY seq`),
  });
  beforeAll(async () => {
    eventId = await createdEvent({ title: "Skyddat program" });
    sessionId = await addedSession(eventId, { title: "Skyddat pass" });
  });

  it("another organisation's member gets 404 on every programme route, and nothing changes", async () => {
    const stranger = await h.signedIn("owner", (await h.otherOrg()).orgId);
    const before = await snapshot();
    for (const [method, path] of routes()) {
      const res = await stranger.request(path, method === "POST" ? { form: { ...sessionForm(), direction: "up" } } : {});
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a member who only checks people in gets 403 on every programme route, and nothing changes", async () => {
    const door = await h.signedIn("checkin");
    const before = await snapshot();
    for (const [method, path] of routes()) {
      const res = await door.request(path, method === "POST" ? { form: { ...sessionForm(), direction: "up" } } : {});
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a session of an event made through the API is another organisation's too: 404", async () => {
    const other = await h.otherOrg();
    const ev = await h.api("POST", "/events", eventBody({ title: "Annans", programme: "choose" }), { token: other.token });
    const s = await h.api("POST", `/events/${ev.body.id}/sessions`, { title: "Annans pass", startsAt: ev.body.startsAt, endsAt: ev.body.endsAt }, { token: other.token });
    expect(s.status).toBe(201);
    expect((await sv.request(`/admin/sessions/${s.body.id}/edit`)).status).toBe(404);
    expect((await sv.request(`/admin/sessions/${s.body.id}/cancel`, { form: {} })).status).toBe(404);
  });
});

describe("the audit log", () => {
  it("words the session actions in each language", async () => {
    const eventId = await createdEvent({ title: "Loggad dag" });
    const first = await addedSession(eventId, { title: "Parallellt A" });
    const second = await addedSession(eventId, { title: "Parallellt B" });
    expect((await sv.request(`/admin/sessions/${first}/edit`, { form: sessionForm({ title: "Parallellt A, ny titel" }) })).status).toBe(303);
    expect((await sv.request(`/admin/sessions/${second}/move`, { form: { direction: "up" } })).status).toBe(303);
    expect((await sv.request(`/admin/sessions/${second}/cancel`, { form: {} })).status).toBe(303);
    const owner = await f.reading("sv", "owner");
    const page = (await owner.request("/admin/audit?action=session.")).text;
    for (const words of ["Pass tillagt", "Pass ändrat", "Passens ordning ändrad", "Pass inställt"]) expect(page).toContain(words);
    const nbOwner = await f.reading("nb", "owner");
    const nbPage = (await nbOwner.request("/admin/audit?action=session.")).text;
    for (const words of ["Økt lagt til", "Økt endret", "Rekkefølgen på øktene endret", "Økt avlyst"]) expect(nbPage).toContain(words);
    expect(nbPage).toContain("økt ses_");
  });
});
