import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/secrets";
import { liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { ownWorkerd, type Workerd } from "./helpers/workerdInstances";
import { eventually, fireCron, seedOrganisation } from "./helpers/workerdSeed";

// Organisers' notifications in the Workers build over D1: a member chooses them in the
// workspace, a signup arrives, and the minute's Cron Trigger queues the member's email.
// An instance of its own: its cron must not run the other files' jobs. No transport, so
// the row waits in the outbox where the test can read it.
let w: Workerd;
let auth: Record<string, string>;
// 44 characters, as a real session token has.
const session = "workerd-notify-session-0123456789abcdefghijk";

beforeAll(async () => {
  w = await ownWorkerd({ MAIL_TRANSPORT: "none", SIGNUP_RATE_LIMIT: "0" });
  ({ auth } = await seedOrganisation(w, "notify"));
  const far = Date.now() + 86_400_000;
  await w.d1(
    `INSERT INTO users (id, org_id, email, email_key, name, role, language, created_at) VALUES ('usr_notify', 'org_notify', 'arr@notify.se', 'arr@notify.se', 'Anna Arrangör', 'organiser', 'sv', 0);
     INSERT INTO sessions (token_hash, user_id, created_at, expires_at, absolute_expires_at) VALUES ('${sha256Hex(session)}', 'usr_notify', 0, ${far}, ${far});`,
  );
}, 180_000);
afterAll(() => w?.stop());

const outbox = async () =>
  (await w.d1(`SELECT kind, event_id, user_id, to_email, locale, payload FROM outbox WHERE user_id = 'usr_notify' ORDER BY rowid`)) as {
    kind: string; event_id: string; user_id: string; to_email: string; locale: string; payload: string;
  }[];

describe("organiser notifications in workerd", () => {
  it("a signup leads to the member's email row after a cron tick, once", async () => {
    const chosen = await fetch(`${w.url}/admin/account/notifications`, {
      method: "POST",
      body: new URLSearchParams([["mode", "each"], ["kinds", "signup"], ["kinds", "cancellation"]]),
      headers: { cookie: `plats_admin=${session}`, origin: w.url, "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(chosen.status, await chosen.text()).toBe(303);
    expect(chosen.headers.get("location")).toBe("/admin/account?notice=notifications#notifications");

    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ title: "Leankonferens", capacity: 5 }), auth);
    const reg = await postJson(`${w.url}/api/v1/events/${ev.body.id}/registrations`, { name: "Åsa Öberg", email: "asa@example.se" });
    expect(reg.status).toBe(201);
    expect(await outbox()).toEqual([]);

    expect((await fireCron(w, "* * * * *")).status).toBe(200);
    const [row] = await eventually(async () => ((await outbox()).length ? outbox() : null), "the member's notification");
    expect(row).toMatchObject({ kind: "organiser_activity", event_id: ev.body.id, to_email: "arr@notify.se", locale: "sv" });
    expect(JSON.parse(row!.payload)).toMatchObject({ signup: [reg.body.id], totals: { signup: 1 } });

    // Another tick with nothing new queues nothing more.
    expect((await fireCron(w, "* * * * *")).status).toBe(200);
    expect(await outbox()).toHaveLength(1);
  });
});
