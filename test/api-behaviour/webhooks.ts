import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { WebhookTarget } from "../helpers/webhookTarget";
import { webhookReceiver, type WebhookReceiver } from "../helpers/webhookReceiver";
import { cancelByLink, newEvent, person, signUp } from "./common";

type GetTarget = () => WebhookTarget;

interface Created {
  id: string;
  url: string;
  events: string[];
  secret: string;
}

export async function addEndpoint(t: WebhookTarget, body: Record<string, unknown>) {
  const res = await t.api("POST", "/webhooks", body);
  if (res.status !== 201) throw new Error(`creating the endpoint failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Created;
}

/** Runs the dispatcher, and lets retry waits pass, until `done()` or the rounds run out. */
export async function deliverUntil(t: WebhookTarget, done: () => boolean | Promise<boolean>, rounds = 40) {
  for (let i = 0; i < rounds; i++) {
    await t.deliver();
    if (await done()) return;
    await t.elapse();
  }
  throw new Error("the deliveries did not all arrive");
}

const countOf = async (t: WebhookTarget, endpointId: string) =>
  (await t.sql<{ n: number }>("SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id = ?", [endpointId]))[0]!.n;

/**
 * Webhooks on one runtime, against a receiver in this process: what the contract says
 * an integrator gets. Run by test/webhooks.node.test.ts and test/webhooks.workerd.test.ts.
 */
export function webhookBehaviour(target: GetTarget) {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await webhookReceiver();
  });
  afterAll(() => receiver?.close());

  describe("webhooks", () => {
    test("an endpoint: made with its secret shown once, read, changed, rotated and removed", async () => {
      const t = target();
      const made = await addEndpoint(t, { url: receiver.url("/crud"), events: ["registration.created", "event.updated"], description: "CRM" });
      expect(made).toMatchObject({ url: receiver.url("/crud"), events: ["registration.created", "event.updated"], description: "CRM", enabled: true });
      expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

      const read = await t.api("GET", `/webhooks/${made.id}`);
      expect(read.status).toBe(200);
      expect(read.body).not.toHaveProperty("secret");
      expect(JSON.stringify((await t.api("GET", "/webhooks")).body)).not.toContain(made.secret);

      const changed = await t.api("PATCH", `/webhooks/${made.id}`, { events: ["event.cancelled"], enabled: false });
      expect(changed.body).toMatchObject({ events: ["event.cancelled"], enabled: false, disabledReason: "owner" });

      const rotated = await t.api("POST", `/webhooks/${made.id}/rotate-secret`);
      expect(rotated.status).toBe(200);
      const { secret, previousSecretExpiresAt } = rotated.body as { secret: string; previousSecretExpiresAt: string };
      expect(secret).toMatch(/^whsec_/);
      expect(secret).not.toBe(made.secret);
      expect(new Date(previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

      // Another organisation's token sees nothing of it.
      expect((await t.api("GET", `/webhooks/${made.id}`, undefined, { token: t.orgs[1]!.token })).status).toBe(404);
      expect((await t.api("DELETE", `/webhooks/${made.id}`)).status).toBe(204);
      expect((await t.api("GET", `/webhooks/${made.id}`)).status).toBe(404);
    });

    test("bad input is refused in the one error shape and writes nothing", async () => {
      const t = target();
      const before = await t.sql<{ n: number }>("SELECT count(*) AS n FROM webhook_endpoints");
      const refusals: [unknown, string][] = [
        [{ url: receiver.url("/x"), events: ["registration.exploded"] }, "events.0"],
        [{ url: receiver.url("/x"), events: [] }, "events"],
        [{ url: "not a url", events: ["event.created"] }, "url"],
        [{ url: "ftp://files.example.se/in", events: ["event.created"] }, "url"],
        [{ url: receiver.url("/x"), events: ["event.created"], secret: "mine" }, "secret"],
      ];
      for (const [body, field] of refusals) {
        const res = await t.api("POST", "/webhooks", body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect((res.body as { error: { code: string; fields: Record<string, unknown> } }).error).toMatchObject({ code: "invalid_request" });
        expect(Object.keys((res.body as { error: { fields: Record<string, unknown> } }).error.fields)).toContain(field);
      }
      expect((await t.api("POST", "/webhooks", "{", {})).status).toBe(400);
      expect((await t.api("POST", "/webhooks", { url: receiver.url("/x"), events: ["event.created"] }, { token: null })).status).toBe(401);
      expect((await t.api("GET", "/webhooks/wh_nothing/deliveries")).status).toBe(404);
      expect((await t.api("GET", "/webhooks/wh_nothing/deliveries?status=lost")).status).toBe(400);
      expect(await t.sql("SELECT count(*) AS n FROM webhook_endpoints")).toEqual(before);
    });

    test("100 signups, then cancellations and their promotions: each delivered once, every signature verified", async () => {
      const t = target();
      const types = ["registration.created", "registration.confirmed", "registration.waitlisted", "registration.cancelled", "registration.promoted"];
      const endpoint = await addEndpoint(t, { url: receiver.url("/crm"), events: types });
      receiver.on("/crm", { secret: endpoint.secret });
      const event = await newEvent(t, { capacity: 50, waitlist: true });
      const signups = await Promise.all(
        Array.from({ length: 100 }, (_, i) => signUp(t, event.id, person({ name: `Deltagare ${i}`, email: `crowd${i}-${event.id}@example.se` }))),
      );
      expect(signups.map((s) => s.status).filter((s) => s !== 201)).toEqual([]);
      const confirmed = signups.map((s) => s.body as { status: string; manageUrl: string }).filter((b) => b.status === "confirmed");
      expect(confirmed).toHaveLength(50);
      for (const c of confirmed.slice(0, 20)) expect((await cancelByLink(t, c.manageUrl)).status).toBe(200);

      // 100 created; 50 + 20 promoted confirmed; 50 waitlisted; 20 cancelled; 20 promoted.
      const expected = 100 + 70 + 50 + 20 + 20;
      expect(await countOf(t, endpoint.id)).toBe(expected);
      await deliverUntil(t, () => receiver.acceptedAt("/crm").length === expected);

      const got = receiver.received.filter((r) => r.path === "/crm");
      expect(got.every((r) => r.verified)).toBe(true);
      const ids = got.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      const rows = await t.sql<{ id: string; status: string }>("SELECT id, status FROM webhook_deliveries WHERE endpoint_id = ?", [endpoint.id]);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
      expect(rows.every((r) => r.status === "delivered")).toBe(true);

      const payloads = receiver.acceptedAt("/crm").map((r) => r.payload);
      const byType = (type: string) => payloads.filter((p) => p.type === type);
      expect(byType("registration.promoted")).toHaveLength(20);
      expect(byType("registration.promoted").every((p) => p.data.registration!.status === "confirmed" && p.data.event!.id === event.id)).toBe(true);
      expect(new Set(byType("registration.created").map((p) => p.data.registration!.id)).size).toBe(100);
      // The state right after the change: the waitlisted carried their place in the queue.
      expect(byType("registration.waitlisted").map((p) => p.data.registration!.position).sort((a, b) => Number(a) - Number(b))).toEqual(
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      // No secret of the manage link travels.
      expect(got.some((r) => r.body.includes("/r/") || /manage/i.test(r.body))).toBe(false);
    });

    test("a receiver that fails the first three attempts gets everything, with the same ids", async () => {
      const t = target();
      const endpoint = await addEndpoint(t, { url: receiver.url("/flaky"), events: ["registration.created"] });
      receiver.on("/flaky", { secret: endpoint.secret, failFirst: 3 });
      const event = await newEvent(t);
      for (let i = 0; i < 10; i++) expect((await signUp(t, event.id, person({ email: `flaky${i}-${event.id}@example.se` }))).status).toBe(201);

      await deliverUntil(t, () => receiver.acceptedAt("/flaky").length === 10);
      const accepted = receiver.acceptedAt("/flaky");
      for (const a of accepted) expect(receiver.attemptsOf("/flaky", a.id)).toBe(4);
      const attempts = receiver.received.filter((r) => r.path === "/flaky");
      expect(attempts).toHaveLength(40);
      expect(attempts.every((r) => r.verified)).toBe(true);
      expect(new Set(attempts.map((r) => r.id)).size).toBe(10);

      const log = await t.api("GET", `/webhooks/${endpoint.id}/deliveries`);
      expect(log.status).toBe(200);
      const { deliveries } = log.body as { deliveries: { status: string; attempts: number; responseStatus: number; nextAttemptAt: string | null }[] };
      expect(deliveries).toHaveLength(10);
      expect(deliveries.every((d) => d.status === "delivered" && d.attempts === 4 && d.responseStatus === 204 && d.nextAttemptAt === null)).toBe(true);
    });

    test("send again: a delivered message goes once more with its id", async () => {
      const t = target();
      const endpoint = await addEndpoint(t, { url: receiver.url("/again"), events: ["event.updated"] });
      receiver.on("/again", { secret: endpoint.secret });
      const event = await newEvent(t);
      expect((await t.api("PATCH", `/events/${event.id}`, { venue: "Blekinge Tekniska Högskola" })).status).toBe(200);
      await deliverUntil(t, () => receiver.received.some((r) => r.path === "/again"));
      const [first] = receiver.received.filter((r) => r.path === "/again");
      expect(JSON.parse(first!.body)).toMatchObject({ type: "event.updated", data: { event: { id: event.id, venue: "Blekinge Tekniska Högskola" } } });
      const again = await t.api("POST", `/webhooks/${endpoint.id}/deliveries/${first!.id}/redeliver`);
      expect(again.status).toBe(200);
      await deliverUntil(t, () => receiver.received.filter((r) => r.path === "/again").length === 2);
      const both = receiver.received.filter((r) => r.path === "/again");
      expect(both[1]!.id).toBe(first!.id);
      expect(both[1]!.body).toBe(first!.body);
      expect((await t.api("POST", `/webhooks/${endpoint.id}/deliveries/msg_none/redeliver`)).status).toBe(404);
    });
  });
}
