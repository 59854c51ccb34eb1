import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/db/schema";
import { adminHarness, type AdminHarness, type AdminRequestInit, type SignedIn } from "./helpers/admin";
import { workspaceFixture } from "./helpers/adminRoutes";

// The guards of every workspace route, taken from the app's own route table: a route added
// under /admin without a line in GUARDS fails here, and so does a line for a route that is
// gone. For each route: signed out, a page goes to sign-in and a script gets 401; another
// organisation's ids are 404; a role below the route's is 403; a cross-site POST is 403;
// none of the refusals changes anything; and the route's own role does get in.

type Guard =
  /** Open without a session (signing in and out); a cross-site POST is still refused. */
  | { open: true }
  /** A handler for members of at least `role`; `form` is a body that gets past validation. */
  | { role: Role; form?: Record<string, string> }
  /** Middleware (or the catch-all) on every path below it, tested through an unknown path there. */
  | { below: Role | "member" };

const owner: Guard = { role: "owner" };
const organiser: Guard = { role: "organiser" };
const door: Guard = { role: "checkin" };

/** Every route under /admin in the app, as `METHOD path` (Hono's own pattern syntax). */
const GUARDS: Record<string, Guard> = {
  "ALL /admin/*": { below: "member" },
  "GET /admin/login": { open: true },
  "POST /admin/login": { open: true },
  "POST /admin/login/link": { open: true },
  "GET /admin/login/link/:token": { open: true },
  "POST /admin/login/link/:token": { open: true },
  "POST /admin/logout": { open: true },

  "GET /admin": door,
  "GET /admin/account": door,
  "POST /admin/account/password": { role: "checkin", form: { password: "a new sentence to remember", confirm: "a new sentence to remember" } },
  "POST /admin/language": { role: "checkin", form: { language: "nb" } },
  // Notifications are for organisers: the door's role sees the section's note but may not choose.
  "POST /admin/account/notifications": { role: "organiser", form: { mode: "digest" } },
  // No event named: past the guards, the domain answers 404.
  "POST /admin/account/notifications/events": { role: "organiser", form: { mode: "digest" } },
  "POST /admin/account/notifications/events/:id/remove": organiser,

  "GET /admin/checkin": door,
  "GET /admin/events/:id/checkin": door,
  "GET /admin/events/:id/checkin/search": door,
  "GET /admin/events/:id/checkin/counts": door,
  "POST /admin/events/:id/checkin/walk-in": { role: "checkin", form: { firstName: "Vakt", lastName: "Gäst", email: "vakt.gast@example.se", override: "yes" } },
  "POST /admin/events/:id/checkin/code": { role: "checkin", form: { code: "ABCD-EFGH" } },
  "POST /admin/events/:id/checkin/r/:rid": door,
  "POST /admin/events/:id/checkin/r/:rid/undo": door,
  "GET /admin/c/:code": door,
  "POST /admin/c/:code": door,

  "GET /admin/events/new": organiser,
  "POST /admin/events/new": organiser,
  "GET /admin/events/:id/edit": organiser,
  "POST /admin/events/:id/edit": organiser,
  "GET /admin/events/:id/duplicate": organiser,
  "GET /admin/events/:id/cancel": organiser,
  "POST /admin/events/:id/cancel": organiser,
  "GET /admin/events/:id/share": organiser,
  "GET /admin/events/:id/emails": organiser,
  "POST /admin/events/:id/emails": { role: "organiser", form: { step: "preview" } },
  "GET /admin/events/:id/cover": organiser,
  // No file and no cover yet: refused on its field (400) once past the guards.
  "POST /admin/events/:id/cover": { role: "organiser", form: { coverAlt: "Scenen" } },
  "POST /admin/events/:id/cover/remove": organiser,
  "GET /admin/events/:id/poster": organiser,
  "GET /admin/events/:id/preview": organiser,
  "POST /admin/events/:id/publish": organiser,
  "GET /admin/events/:id{evt_[0-9a-z]+}": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/promote": organiser,
  "GET /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/cancel": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/cancel": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/resend": organiser,
  "GET /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/offer/extend": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/offer/extend": { role: "organiser", form: { offerExpiresAt: "2027-01-10T10:00" } },
  "POST /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/offer/withdraw": organiser,
  "GET /admin/events/:id{evt_[0-9a-z]+}/add": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/add": { role: "organiser", form: { firstName: "Mallory", lastName: "Malm", email: "mallory@example.se", sendEmail: "yes" } },
  "GET /admin/events/:id{evt_[0-9a-z]+}/message": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/message": { role: "organiser", form: { step: "send", audience: "confirmed", subject: "Hej", body: "Hej" } },
  // The list's actions on ticked rows: an empty selection is refused after the guards (400).
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/cancel": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/cancel/confirm": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/checkin": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/export": { role: "organiser", form: { format: "csv" } },
  "GET /admin/events/:id{evt_[0-9a-z]+}/invitations": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/invitations": { role: "organiser", form: { list: "vakt.inbjuden@example.se; Vakt Inbjuden", send: "yes" } },
  "POST /admin/events/:id{evt_[0-9a-z]+}/invitations/remind": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/invitations/:inv{inv_[0-9a-z]+}/resend": organiser,
  "GET /admin/events/:id{evt_[0-9a-z]+}/invitations/:inv{inv_[0-9a-z]+}/revoke": organiser,
  // Last of the invitation's routes: once past the guards it revokes it.
  "POST /admin/events/:id{evt_[0-9a-z]+}/invitations/:inv{inv_[0-9a-z]+}/revoke": organiser,
  // Approving and declining: the harness registration is no application (409 past the guards).
  "POST /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/approve": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/registrations/:rid{reg_[0-9a-z]+}/decline": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/approve": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/approve/confirm": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/decline": organiser,
  "POST /admin/events/:id{evt_[0-9a-z]+}/selection/decline/confirm": organiser,
  "GET /admin/events/:id/programme": organiser,
  // The harness event has no programme; the session form's fields get past validation.
  "POST /admin/events/:id/programme": { role: "organiser", form: { title: "Vaktat pass", startsAt: "2027-03-18T10:00", endsAt: "2027-03-18T11:00" } },
  "GET /admin/sessions/:sid/edit": organiser,
  "POST /admin/sessions/:sid/edit": { role: "organiser", form: { title: "Vaktat pass, flyttat", startsAt: "2027-03-18T10:00", endsAt: "2027-03-18T11:00" } },
  "POST /admin/sessions/:sid/move": { role: "organiser", form: { direction: "up" } },
  "GET /admin/sessions/:sid/cancel": organiser,
  // Last of the session's routes: once past the guards it cancels the session.
  "POST /admin/sessions/:sid/cancel": organiser,
  "GET /admin/people": organiser,
  "GET /admin/events/:id/attendees.csv": organiser,
  "GET /admin/events/:id/attendees.xlsx": organiser,
  "GET /admin/events/:id/print": organiser,
  "GET /admin/events/:id/badges": organiser,
  "GET /admin/events/:id{evt_[0-9a-z]+}/signups": organiser,
  "ALL /admin/reports": { below: "organiser" },
  "ALL /admin/reports/*": { below: "organiser" },
  "GET /admin/reports": organiser,
  "GET /admin/reports/organisations.csv": organiser,
  "GET /admin/reports/organisations.xlsx": organiser,
  "GET /admin/reports/people.csv": organiser,
  "GET /admin/reports/people.xlsx": organiser,
  "GET /admin/reports/sessions.csv": organiser,
  "GET /admin/reports/sessions.xlsx": organiser,
  "GET /admin/reports/hours-organisations.csv": organiser,
  "GET /admin/reports/hours-organisations.xlsx": organiser,
  "GET /admin/reports/hours-people.csv": organiser,
  "GET /admin/reports/hours-people.xlsx": organiser,
  "GET /admin/sessions/:id{ses_[0-9a-z]+}": organiser,
  "GET /admin/sessions/:id{ses_[0-9a-z]+}/print": organiser,

  "GET /admin/settings": owner,
  "POST /admin/settings": owner,
  "POST /admin/settings/logo": owner,
  "POST /admin/settings/logo/remove": owner,
  "GET /admin/members": owner,
  "POST /admin/members": { role: "owner", form: { email: "new@cluster.se", role: "organiser", language: "sv" } },
  "POST /admin/members/:id/role": { role: "owner", form: { role: "checkin" } },
  "GET /admin/members/:id/remove": owner,
  "POST /admin/members/:id/remove": owner,
  "GET /admin/privacy": owner,
  "POST /admin/privacy": owner,
  "POST /admin/privacy/export": { role: "owner", form: { email: "asa@verkstad.se" } },
  "POST /admin/privacy/erase/review": { role: "owner", form: { email: "asa@verkstad.se" } },
  "POST /admin/privacy/erase": { role: "owner", form: { email: "asa@verkstad.se" } },
  "GET /admin/audit": owner,
  "GET /admin/mail": owner,
  "POST /admin/mail/resend": { role: "owner", form: { since: "2020-01-01T00:00" } },
  "GET /admin/tokens": owner,
  "POST /admin/tokens": { role: "owner", form: { name: "Vakt" } },
  "POST /admin/tokens/:id/revoke": owner,
  "GET /admin/webhooks": owner,
  "POST /admin/webhooks": { role: "owner", form: { url: "https://crm.example.se/vakt-ny", events: "event.updated" } },
  "GET /admin/webhooks/:id": owner,
  "POST /admin/webhooks/:id": { role: "owner", form: { url: "https://crm.example.se/vakt", events: "event.updated" } },
  "POST /admin/webhooks/:id/pause": owner,
  "POST /admin/webhooks/:id/enable": owner,
  "POST /admin/webhooks/:id/rotate": owner,
  "POST /admin/webhooks/:id/deliveries/:delivery/redeliver": owner,
  // Last of the webhook's routes: once past the guards it deletes the endpoint.
  "POST /admin/webhooks/:id/delete": owner,
};

const ROLES: Role[] = ["checkin", "organiser", "owner"];
const below = (role: Role) => ROLES.slice(0, ROLES.indexOf(role));

let h: AdminHarness;
let members: Record<Role, SignedIn>;
/** An owner of another organisation. */
let stranger: SignedIn;

let routes: () => string[];
let pathOf: (pattern: string) => string;

/** All rows of every table but sessions (a request may slide its own session's expiry). */
async function snapshot() {
  const tables = await h.database.db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%' AND name <> 'sessions' ORDER BY name`,
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) out[name] = await h.database.db.all(sql.raw(`SELECT * FROM "${name}" ORDER BY rowid`));
  return out;
}

const send = (who: SignedIn | AdminHarness, method: string, path: string, init: AdminRequestInit = {}) =>
  who.request(path, { method, ...(method === "POST" ? { form: {} } : {}), ...init });

beforeAll(async () => {
  h = await adminHarness();
  const fixture = await workspaceFixture(h);
  ({ routes, pathOf } = fixture);
  members = { checkin: await h.signedIn("checkin"), organiser: await h.signedIn("organiser"), owner: await h.signedIn("owner") };
  stranger = await h.signedIn("owner", (await h.otherOrg()).orgId);
});

describe("the guard table", () => {
  it("covers every route the app has under /admin, and names no route it lacks", () => {
    const all = routes();
    expect(all.filter((r) => !(r in GUARDS)), "routes without a guard in GUARDS").toEqual([]);
    expect(Object.keys(GUARDS).filter((r) => !all.includes(r)), "GUARDS lines for routes the app lacks").toEqual([]);
  });
});

const entries = Object.entries(GUARDS);
const handlers = entries.flatMap(([route, g]) => ("role" in g ? [{ route, method: route.split(" ")[0]!, pattern: route.split(" ")[1]!, ...g }] : []));

describe.each(handlers)("$route", ({ method, pattern, role, form }) => {
  const path = () => pathOf(pattern);

  it("signed out: a page goes to sign-in, a script gets 401, nothing changes", async () => {
    const before = await snapshot();
    const page = await send(h, method, path(), form ? { form } : {});
    expect(page.status).toBe(303);
    expect(page.location).toBe(method === "GET" ? `/admin/login?next=${encodeURIComponent(path())}` : "/admin/login");
    const script = await send(h, method, path(), { headers: { accept: "application/json" }, ...(form ? { form } : {}) });
    expect(script.status).toBe(401);
    expect(JSON.parse(script.text).error.code).toBe("unauthorized");
    expect(await snapshot()).toEqual(before);
  });

  // Only the cases that apply to the route are made (a skipped case would read as a gap).
  if (below(role).length > 0)
    it(`a role below ${role} gets 403, nothing changes`, async () => {
      const before = await snapshot();
      for (const r of below(role)) expect((await send(members[r], method, path(), form ? { form } : {})).status, r).toBe(403);
      expect(await snapshot()).toEqual(before);
    });

  if (/:\w/.test(pattern))
    it("another organisation's member gets 404 for our ids, nothing changes", async () => {
      const before = await snapshot();
      expect((await send(stranger, method, path(), form ? { form } : {})).status).toBe(404);
      expect(await snapshot()).toEqual(before);
    });

  if (method === "POST")
    it("a cross-site POST is refused with 403, nothing changes", async () => {
      const before = await snapshot();
      expect((await send(members.owner, method, path(), { origin: "https://evil.example", ...(form ? { form } : {}) })).status).toBe(403);
      expect(await snapshot()).toEqual(before);
    });

  // Last: the table must not claim a higher role than the route lets in (this may act).
  it(`a member of role ${role} gets past the guards`, async () => {
    const res = await send(members[role], method, path(), form ? { form } : {});
    expect([401, 403], `${res.status} ${res.text.slice(0, 200)}`).not.toContain(res.status);
    expect(res.location ?? "").not.toMatch(/^\/admin\/login/);
  });
});

describe.each(entries.filter(([, g]) => "open" in g).map(([route]) => ({ route, method: route.split(" ")[0]!, pattern: route.split(" ")[1]! })))(
  "$route (open without a session)",
  ({ method, pattern }) => {
    if (method === "GET")
      it("answers without a session", async () => {
        expect((await send(h, method, pathOf(pattern))).status).toBe(200);
      });
    else
      it("a cross-site POST is refused with 403, nothing changes", async () => {
        const before = await snapshot();
        expect((await send(h, method, pathOf(pattern), { origin: "https://evil.example" })).status).toBe(403);
        expect(await snapshot()).toEqual(before);
      });
  },
);

describe.each(entries.flatMap(([route, g]) => ("below" in g ? [{ route, pattern: route.split(" ")[1]!, needs: g.below }] : [])))(
  "$route (every path below it)",
  ({ pattern, needs }) => {
    const unknown = () => pattern.replace(/\*$/, "").replace(/\/?$/, "/no-such-page");

    it("signed out: a page goes to sign-in, a script gets 401", async () => {
      expect((await send(h, "GET", unknown())).location).toBe(`/admin/login?next=${encodeURIComponent(unknown())}`);
      expect((await send(h, "GET", unknown(), { headers: { accept: "application/json" } })).status).toBe(401);
    });

    if (needs !== "member")
      it(`a role below ${needs} gets 403`, async () => {
        for (const r of below(needs)) expect((await send(members[r], "GET", unknown())).status, r).toBe(403);
      });

    it("a member of a high enough role gets 404 for a page that does not exist; a cross-site POST is 403", async () => {
      expect((await send(members.owner, "GET", unknown())).status).toBe(404);
      expect((await send(members.owner, "POST", unknown(), { origin: "https://evil.example" })).status).toBe(403);
    });
  },
);
