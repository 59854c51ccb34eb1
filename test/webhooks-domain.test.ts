import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Webhook } from "standardwebhooks";
import { declineInvitation, invitationToken } from "../src/domain/access";
import { publishEvent } from "../src/domain/events";
import { signingKey } from "../src/domain/organisations";
import { applyRetention, erasePersonalData } from "../src/domain/privacy";
import { eraseManagedRegistration } from "../src/domain/signup";
import { dispatchWebhooks, webhookTypes } from "../src/domain/webhooks";
import { eventMessage, invitationMessage, registrationMessage } from "../src/http/api/openapi/webhooks";
import { nodeWebhookFetcher } from "../src/runtime/node/webhookFetch";
import { DAY, HOUR, MINUTE } from "./helpers/clock";
import { eventBody, harness, person, type Harness } from "./helpers/harness";
import { webhookReceiver, type WebhookReceiver } from "./helpers/webhookReceiver";

// What the webhooks write and send, in-process on the pinned clock: every type with its
// change, erasure and retention, the three days of retries, a rotation's overlap, a slow
// receiver. The runtimes' own suites (test/webhooks.*.test.ts) cover delivery end to end.
let h: Harness;
let receiver: WebhookReceiver;
const fetcher = nodeWebhookFetcher({ allowPrivate: true });
const run = (timeoutMs = 2000) => dispatchWebhooks({ ctx: h.ctx, fetcher, timeoutMs });

beforeAll(async () => {
  h = await harness({ allowPrivateWebhooks: true });
  receiver = await webhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});

const manageToken = (url: string) => url.split("/r/")[1]!;
const typesOf = async (where: string) =>
  (await h.database.client.execute(`SELECT type FROM webhook_deliveries WHERE ${where} ORDER BY rowid`)).rows.map((r) => String(r.type));
const deliveries = async (endpointId: string) =>
  (await h.database.client.execute({ sql: "SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY rowid", args: [endpointId] })).rows;

async function endpoint(path: string, events: readonly string[], token = h.token) {
  const res = await h.api("POST", "/webhooks", { url: receiver.url(path), events }, { token });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

describe("what is written, with the change", () => {
  test("every type of the contract, from the path that makes it", async () => {
    const all = await endpoint("/all", webhookTypes);
    const created = await h.api("POST", "/events", eventBody({ capacity: 2, waitlist: true, programme: "choose" }));
    const eventId = (created.body as { id: string }).id;
    const session = await h.api("POST", `/events/${eventId}/sessions`, { title: "Workshop A", startsAt: "2027-03-18T12:00:00Z", endsAt: "2027-03-18T13:00:00Z", capacity: 25 });
    expect(session.status).toBe(201);
    expect((await h.api("PATCH", `/events/${eventId}`, { venue: "Karlskrona" })).status).toBe(200);
    const anna = (await h.api("POST", `/events/${eventId}/registrations`, person({ name: "Anna Lindqvist" }), { token: null })).body as { id: string; manageUrl: string };
    const cilla = (await h.api("POST", `/events/${eventId}/registrations`, person({ name: "Cilla Berg" }), { token: null })).body as { manageUrl: string };
    const bo = (await h.api("POST", `/events/${eventId}/registrations`, person({ name: "Bo Ek" }), { token: null })).body as { id: string; manageUrl: string };
    expect((await h.api("POST", `/registrations/${anna.id}/check-in`)).status).toBe(200);
    expect((await h.api("POST", `/manage/${manageToken(anna.manageUrl)}/sessions`, { add: [(session.body as { id: string }).id] }, { token: null })).status).toBe(200);
    expect((await h.api("POST", `/manage/${manageToken(anna.manageUrl)}/substitute`, person({ name: "Cecilia Holm" }), { token: null })).status).toBe(200);
    // Cilla's seat goes to Bo, first on the waitlist.
    expect((await h.api("POST", `/manage/${manageToken(cilla.manageUrl)}/cancel`, undefined, { token: null })).status).toBe(200);
    // Offers run on timers and clocks of their own; their statuses enter through the same trigger.
    await h.database.client.execute({ sql: "UPDATE registrations SET status = 'offered' WHERE id = ?", args: [bo.id] });
    await h.database.client.execute({ sql: "UPDATE registrations SET status = 'expired' WHERE id = ?", args: [bo.id] });
    await eraseManagedRegistration({ ctx: h.ctx, input: { token: manageToken(bo.manageUrl) } });

    const approval = (await h.api("POST", "/events", eventBody({ access: "approval", slug: "ansokan" }))).body as { id: string };
    const applicant = (await h.api("POST", `/events/${approval.id}/registrations`, person(), { token: null })).body as { id: string };
    expect((await h.api("POST", `/registrations/${applicant.id}/decline`)).status).toBe(200);

    const invited = (await h.api("POST", "/events", eventBody({ access: "invitation", slug: "inbjudan" }))).body as { id: string };
    const list = await h.api("POST", `/events/${invited.id}/invitations`, { invitees: [{ email: "vd@volvocars.example", firstName: "Eva" }] });
    const invitation = (list.body as { invitations: { id: string }[] }).invitations[0]!;
    await declineInvitation({ ctx: h.ctx, input: { token: invitationToken(await signingKey(h.ctx, invited.id), invitation.id) } });
    expect((await h.api("POST", `/events/${eventId}/cancel`)).status).toBe(200);

    const seen = new Set(await typesOf(`endpoint_id = '${all.id}'`));
    expect([...webhookTypes].filter((t) => !seen.has(t))).toEqual([]);
    // Each message fits the schema the API's description gives its type (its `webhooks`).
    for (const row of await deliveries(all.id)) {
      const type = String(row.type);
      const schema = type.startsWith("event.") ? eventMessage : type.startsWith("invitation.") ? invitationMessage : registrationMessage;
      expect(schema.strict().safeParse(JSON.parse(String(row.payload))).error, type).toBeUndefined();
    }
  });

  test("only the subscribed types, only of the own organisation; a paused endpoint's are held until it is enabled", async () => {
    const mine = await endpoint("/mine", ["registration.cancelled"]);
    const other = await h.otherOrg();
    const theirs = await endpoint("/theirs", ["registration.created"], other.token);
    const paused = await endpoint("/paused", ["registration.created"]);
    expect((await h.api("PATCH", `/webhooks/${paused.id}`, { enabled: false })).status).toBe(200);
    const event = (await h.api("POST", "/events", eventBody({ slug: "bara-mina" }))).body as { id: string };
    expect((await h.api("POST", `/events/${event.id}/registrations`, person(), { token: null })).status).toBe(201);
    expect(await deliveries(mine.id)).toHaveLength(0);
    expect(await deliveries(theirs.id)).toHaveLength(0);
    expect((await deliveries(paused.id)).map((r) => r.status)).toEqual(["held"]);
    receiver.on("/paused", { secret: paused.secret });
    await run();
    expect(receiver.received.filter((r) => r.path === "/paused")).toHaveLength(0);
    expect((await h.api("PATCH", `/webhooks/${paused.id}`, { enabled: true })).status).toBe(200);
    await run();
    expect(receiver.acceptedAt("/paused").map((r) => r.payload.type)).toEqual(["registration.created"]);
    await h.api("DELETE", `/webhooks/${paused.id}`);
  });

  test("a payload is the state the change leaves: the event's counts, the places in sessions", async () => {
    const ep = await endpoint("/state", ["registration.confirmed", "registration.cancelled", "registration.created", "registration.checked_in"]);
    const event = (await h.api("POST", "/events", eventBody({ slug: "laget", capacity: 5 }))).body as { id: string };
    const signed = (await h.api("POST", `/events/${event.id}/registrations`, person(), { token: null })).body as { manageUrl: string };
    await h.api("POST", `/manage/${manageToken(signed.manageUrl)}/cancel`, undefined, { token: null });
    const payloads = (await deliveries(ep.id)).map((r) => JSON.parse(String(r.payload)));
    expect(payloads.map((p) => [p.type, p.data.event.confirmed])).toEqual([
      ["registration.created", 1],
      ["registration.confirmed", 1],
      ["registration.cancelled", 0],
    ]);
    // With a programme: the new registration's places are in its first messages; a walk-in is checked in.
    const day = (await h.api("POST", "/events", eventBody({ slug: "passen", programme: "choose" }))).body as { id: string };
    const ws = (await h.api("POST", `/events/${day.id}/sessions`, { title: "5S", startsAt: "2027-03-18T12:00:00Z", endsAt: "2027-03-18T13:00:00Z", capacity: 25 })).body as { id: string };
    await h.api("POST", `/events/${day.id}/registrations`, { ...person(), sessions: [ws.id] }, { token: null });
    const ofDay = (await deliveries(ep.id)).map((r) => JSON.parse(String(r.payload))).filter((p) => p.data.event.id === day.id);
    expect(ofDay.map((p) => p.type)).toEqual(["registration.created", "registration.confirmed"]);
    for (const p of ofDay) expect(p.data.registration.sessions).toEqual([{ id: ws.id, status: "confirmed" }]);
    await h.api("DELETE", `/webhooks/${ep.id}`);
  });

  test("a seat given from a session's waitlist is a change of that person's sessions", async () => {
    const ep = await endpoint("/sessions", ["registration.sessions_changed"]);
    const day = (await h.api("POST", "/events", eventBody({ slug: "passkon", programme: "choose" }))).body as { id: string };
    const ws = (await h.api("POST", `/events/${day.id}/sessions`, { title: "Kaizen", startsAt: "2027-03-18T12:00:00Z", endsAt: "2027-03-18T13:00:00Z", capacity: 1 })).body as { id: string };
    const first = (await h.api("POST", `/events/${day.id}/registrations`, { ...person(), sessions: [ws.id] }, { token: null })).body as { manageUrl: string };
    const second = (await h.api("POST", `/events/${day.id}/registrations`, { ...person(), sessions: [ws.id] }, { token: null })).body as { id: string };
    expect((await h.api("POST", `/manage/${manageToken(first.manageUrl)}/sessions`, { remove: [ws.id] }, { token: null })).status).toBe(200);
    const told = (await deliveries(ep.id)).map((r) => JSON.parse(String(r.payload)));
    expect(told.map((p) => [p.data.registration.id === second.id ? "second" : "first", p.data.registration.sessions])).toEqual([
      ["second", [{ id: ws.id, status: "confirmed" }]],
      ["first", []],
    ]);
    // A course package's new date: everyone registered has it.
    const course = (await h.api("POST", "/events", eventBody({ slug: "lean-kurs", programme: "package" }))).body as { id: string };
    const student = (await h.api("POST", `/events/${course.id}/registrations`, person(), { token: null })).body as { id: string };
    const date = (await h.api("POST", `/events/${course.id}/sessions`, { title: "Dag 2", startsAt: "2027-03-18T12:00:00Z", endsAt: "2027-03-18T13:00:00Z" })).body as { id: string };
    const last = JSON.parse(String((await deliveries(ep.id)).at(-1)!.payload));
    expect(last.data.registration).toMatchObject({ id: student.id, sessions: [{ id: date.id, status: "confirmed" }] });
    await h.api("DELETE", `/webhooks/${ep.id}`);
  });

  test("event.updated: for a change or a publication, not for a form saved as it was", async () => {
    const ep = await endpoint("/edits", ["event.updated", "event.created"]);
    const event = (await h.api("POST", "/events", eventBody({ slug: "utkast", status: "draft" }))).body as { id: string; venue: string };
    expect((await h.api("PATCH", `/events/${event.id}`, { venue: event.venue })).status).toBe(200);
    expect(await typesOf(`endpoint_id = '${ep.id}'`)).toEqual(["event.created"]);
    expect((await h.api("PATCH", `/events/${event.id}`, { venue: "Ronneby Brunn" })).status).toBe(200);
    expect(await typesOf(`endpoint_id = '${ep.id}'`)).toEqual(["event.created", "event.updated"]);
    await publishEvent({ ctx: h.ctx, input: { id: event.id, orgId: h.orgId } });
    const rows = await deliveries(ep.id);
    expect(rows.map((r) => r.type)).toEqual(["event.created", "event.updated", "event.updated"]);
    expect(JSON.parse(String(rows[2]!.payload)).data.event.status).toBe("published");
    await h.api("DELETE", `/webhooks/${ep.id}`);
  });
});

describe("personal data", () => {
  test("erasure leaves ids and states in the person's deliveries, and says registration.erased with ids only", async () => {
    const ep = await endpoint("/privacy", ["registration.created", "registration.erased"]);
    const event = (await h.api("POST", "/events", eventBody({ slug: "radera" }))).body as { id: string };
    const signed = (await h.api("POST", `/events/${event.id}/registrations`, person({ name: "Dag Persson", email: "dag@example.se", organisation: "Ronneby Bruk" }), { token: null }))
      .body as { id: string; manageUrl: string };
    await eraseManagedRegistration({ ctx: h.ctx, input: { token: manageToken(signed.manageUrl) } });
    const rows = await deliveries(ep.id);
    expect(rows.map((r) => r.type)).toEqual(["registration.created", "registration.erased"]);
    for (const r of rows) expect(String(r.payload)).not.toMatch(/Dag|dag@example|Ronneby/);
    expect(JSON.parse(String(rows[1]!.payload))).toMatchObject({ type: "registration.erased", data: { registration: { id: signed.id, eventId: event.id } } });
  });

  test("an owner's erasure reaches the invitee's decline and the seat someone passed on", async () => {
    const ep = await endpoint("/owner-erase", ["invitation.declined", "registration.created", "registration.substituted"]);
    const invited = (await h.api("POST", "/events", eventBody({ access: "invitation", slug: "radera-inbjudan" }))).body as { id: string };
    const list = await h.api("POST", `/events/${invited.id}/invitations`, { invitees: [{ email: "frida@ikea.example", firstName: "Frida", lastName: "Nord", organisation: "Ikea" }] });
    const invitation = (list.body as { invitations: { id: string }[] }).invitations[0]!;
    await declineInvitation({ ctx: h.ctx, input: { token: invitationToken(await signingKey(h.ctx, invited.id), invitation.id) } });
    const open = (await h.api("POST", "/events", eventBody({ slug: "radera-platsen" }))).body as { id: string };
    const gunnar = (await h.api("POST", `/events/${open.id}/registrations`, person({ name: "Gunnar Ås", email: "gunnar@saab.example" }), { token: null })).body as { manageUrl: string };
    expect((await h.api("POST", `/manage/${manageToken(gunnar.manageUrl)}/substitute`, person({ name: "Hanna Berg" }), { token: null })).status).toBe(200);
    const actor = { orgId: h.orgId, id: null, email: "owner@techtank.example" };
    await erasePersonalData({ ctx: h.ctx, input: { orgId: h.orgId, email: "frida@ikea.example" }, actor });
    await erasePersonalData({ ctx: h.ctx, input: { orgId: h.orgId, email: "gunnar@saab.example" }, actor });
    const rows = await deliveries(ep.id);
    expect(rows.map((r) => r.type)).toEqual(["invitation.declined", "registration.created", "registration.substituted"]);
    for (const r of rows) expect(String(r.payload)).not.toMatch(/Frida|ikea|Gunnar|saab/i);
    // Blanked, not removed: the payload keeps its shape.
    expect(JSON.parse(String(rows[0]!.payload)).data.invitation).toMatchObject({ id: invitation.id, email: null, firstName: null });
    await h.api("DELETE", `/webhooks/${ep.id}`);
  });

  test("retention blanks the personal fields of an event's deliveries, sent or not", async () => {
    const ep = await endpoint("/retention", ["registration.created"]);
    const event = (await h.api("POST", "/events", eventBody({ slug: "gallrad" }))).body as { id: string };
    await h.api("POST", `/events/${event.id}/registrations`, person({ name: "Eli Svensson", phone: "+46 70 123 45 67" }), { token: null });
    await h.database.db.run(sql`UPDATE organisations SET retention_days = 30 WHERE id = ${h.orgId}`);
    h.clock.advance(200 * DAY);
    try {
      await applyRetention({ ctx: h.ctx });
    } finally {
      h.clock.advance(-200 * DAY);
      await h.database.db.run(sql`UPDATE organisations SET retention_days = NULL WHERE id = ${h.orgId}`);
    }
    const [row] = await deliveries(ep.id);
    expect(String(row!.payload)).not.toMatch(/Eli|Svensson|123 45/);
    expect(JSON.parse(String(row!.payload)).data.registration).toMatchObject({ status: "confirmed", eventId: event.id });
  });
});

test("the delivery log keeps a month of what is done with, and everything still waiting", async () => {
  const ep = await endpoint("/log", ["registration.created"]);
  const event = (await h.api("POST", "/events", eventBody({ slug: "loggen" }))).body as { id: string };
  for (let i = 0; i < 3; i++) await h.api("POST", `/events/${event.id}/registrations`, person(), { token: null });
  const [old, done, waiting] = (await deliveries(ep.id)).map((r) => String(r.id));
  const monthAgo = h.clock.now().getTime() - 31 * DAY;
  await h.database.client.execute({ sql: "UPDATE webhook_deliveries SET status = 'delivered', created_at = ? WHERE id = ?", args: [monthAgo, old!] });
  await h.database.client.execute({ sql: "UPDATE webhook_deliveries SET status = 'failed' WHERE id = ?", args: [done!] });
  await h.database.client.execute({ sql: "UPDATE webhook_deliveries SET created_at = ? WHERE id = ?", args: [monthAgo, waiting!] });
  await applyRetention({ ctx: h.ctx });
  expect((await deliveries(ep.id)).map((r) => String(r.id))).toEqual([done, waiting]);
  await h.api("DELETE", `/webhooks/${ep.id}`);
});

describe("sending", () => {
  test("failing for three days: the deliveries fail, the endpoint is disabled and each owner is emailed once", async () => {
    await h.database.client.execute({
      sql: "INSERT INTO users (id, org_id, email, email_key, name, role, language, created_at) VALUES ('usr_owner_wh', ?, 'agare@techtank.example', 'agare@techtank.example', 'Åsa Ägare', 'owner', 'sv', 0)",
      args: [h.orgId],
    });
    const ep = await endpoint("/down", ["registration.created"]);
    receiver.on("/down", { failFirst: 1_000 });
    const event = (await h.api("POST", "/events", eventBody({ slug: "nere" }))).body as { id: string };
    await h.api("POST", `/events/${event.id}/registrations`, person(), { token: null });
    const start = h.clock.now().getTime();
    for (let i = 0; i < 30 && h.clock.now().getTime() - start < 4 * DAY; i++) {
      await run();
      h.clock.advance(10 * HOUR);
    }
    const [delivery] = await deliveries(ep.id);
    expect(delivery).toMatchObject({ status: "failed", last_status_code: 500, last_error: "http_500" });
    expect(Number(delivery!.attempts)).toBeGreaterThanOrEqual(7);
    const read = await h.api("GET", `/webhooks/${ep.id}`);
    expect(read.body).toMatchObject({ enabled: false, disabledReason: "failing" });
    const log = (await h.api("GET", `/webhooks/${ep.id}/deliveries`)).body as { deliveries: unknown[] };
    expect(log.deliveries[0]).toMatchObject({ status: "failed", responseStatus: 500, error: "http_500", response: "not now", nextAttemptAt: null });
    const mails = (await h.database.client.execute({ sql: "SELECT to_email, payload FROM outbox WHERE kind = 'webhook_disabled' AND org_id = ?", args: [h.orgId] })).rows;
    expect(mails.map((m) => m.to_email)).toEqual(["agare@techtank.example"]);
    expect(JSON.parse(String(mails[0]!.payload))).toMatchObject({ endpointId: ep.id, url: receiver.url("/down") });
    // Disabled: nothing more is attempted until an owner enables it.
    const attempts = receiver.received.filter((r) => r.path === "/down").length;
    await h.api("POST", `/events/${event.id}/registrations`, person(), { token: null });
    await run();
    expect(receiver.received.filter((r) => r.path === "/down")).toHaveLength(attempts);
    expect((await h.api("PATCH", `/webhooks/${ep.id}`, { enabled: true })).body).toMatchObject({ enabled: true, disabledReason: null });
  });

  test("after a rotation both secrets sign for a day, then only the new one", async () => {
    const ep = await endpoint("/rotate", ["event.updated"]);
    const event = (await h.api("POST", "/events", eventBody({ slug: "nyckel" }))).body as { id: string };
    // standardwebhooks refuses a timestamp five minutes off its own clock: sign on the real one here.
    const pinned = h.clock.now().getTime();
    h.clock.advance(Date.now() - pinned);
    const { secret } = (await h.api("POST", `/webhooks/${ep.id}/rotate-secret`)).body as { secret: string };
    const verifies = (s: string, r: (typeof receiver.received)[number]) => {
      try {
        new Webhook(s).verify(r.body, { "webhook-id": r.id, "webhook-timestamp": r.timestamp, "webhook-signature": r.signature });
        return true;
      } catch {
        return false;
      }
    };
    try {
      await h.api("PATCH", `/events/${event.id}`, { venue: "Ronneby" });
      await run();
      let [during] = receiver.received.filter((r) => r.path === "/rotate");
      expect(during!.signature.split(" ")).toHaveLength(2);
      expect([verifies(ep.secret, during!), verifies(secret, during!)]).toEqual([true, true]);

      await h.api("PATCH", `/events/${event.id}`, { venue: "Karlshamn" });
      // A day later the old secret no longer signs (the receiver checks on the real clock,
      // so the overlap is ended rather than the clock moved).
      await h.database.db.run(sql`UPDATE webhook_endpoints SET previous_until = ${h.clock.now().getTime() - MINUTE} WHERE id = ${ep.id}`);
      await run();
      [, during] = receiver.received.filter((r) => r.path === "/rotate");
      expect(during!.signature.split(" ")).toHaveLength(1);
      expect([verifies(ep.secret, during!), verifies(secret, during!)]).toEqual([false, true]);
      expect((await h.api("GET", `/webhooks/${ep.id}`)).body).toMatchObject({ previousSecretExpiresAt: null });
    } finally {
      h.clock.advance(pinned - h.clock.now().getTime());
    }
  });

  test("a held mail queue holds no webhook", async () => {
    const ep = await endpoint("/mail-held", ["registration.created"]);
    receiver.on("/mail-held", { secret: ep.secret });
    const event = (await h.api("POST", "/events", eventBody({ slug: "post-stopp" }))).body as { id: string };
    await h.api("POST", `/events/${event.id}/registrations`, person(), { token: null });
    const until = h.clock.now().getTime() + DAY;
    await h.database.client.execute({ sql: "INSERT INTO mail_hold (id, since, until, attempts, reason) VALUES ('queue', ?, ?, 1, '530 auth')", args: [h.clock.now().getTime(), until] });
    try {
      await run();
      expect(receiver.acceptedAt("/mail-held")).toHaveLength(1);
    } finally {
      await h.database.client.execute("DELETE FROM mail_hold");
      await h.api("DELETE", `/webhooks/${ep.id}`);
    }
  });

  test("a receiver that never answers costs one timeout per run, and the delivery waits for its retry", async () => {
    const ep = await endpoint("/hang", ["registration.created"]);
    receiver.on("/hang", { hang: () => true });
    const event = (await h.api("POST", "/events", eventBody({ slug: "tyst" }))).body as { id: string };
    for (let i = 0; i < 3; i++) await h.api("POST", `/events/${event.id}/registrations`, person(), { token: null });
    const began = performance.now();
    const result = await dispatchWebhooks({ ctx: h.ctx, fetcher, timeoutMs: 300, concurrency: 1 });
    expect(performance.now() - began).toBeLessThan(2000);
    expect(result.retrying).toBeGreaterThanOrEqual(1);
    const rows = await deliveries(ep.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["pending", 1],
      ["pending", 0],
      ["pending", 0],
    ]);
    expect(rows[0]).toMatchObject({ last_error: "timeout", last_status_code: null });
    await h.api("DELETE", `/webhooks/${ep.id}`);
  });
});
