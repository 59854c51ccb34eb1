import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createMember } from "../src/domain/accounts";
import { createWebhook, dispatchWebhooks, RETRY_FOR_MS } from "../src/domain/webhooks";
import { HOUR } from "./helpers/clock";
import { mailHarness, type MailHarness } from "./helpers/mail";

// An endpoint that took nothing for three days is disabled, and each owner gets one
// email saying so, in their own language: which URL, since when, that nothing more goes
// to it until an owner enables it, that the deliveries wait, and the way to its page.
let m: MailHarness | undefined;
afterEach(async () => {
  await m?.stop();
  m = undefined;
});

const actor = { orgId: "", id: null, email: "test" };
// Typed by an owner: what an HTML part must show as text, never as markup.
const NASTY = `https://crm.example.se/hooks?a=1&b="><img src=x onerror=alert(1)>`;

async function owners(h: MailHarness) {
  const input = { orgId: h.orgId };
  await createMember({ ctx: h.ctx, input: { ...input, email: "asa@techtank.se", name: "Åsa Ägare", role: "owner", language: "sv" } });
  await createMember({ ctx: h.ctx, input: { ...input, email: "erik@techtank.se", name: "Erik Owner", role: "owner", language: "en" } });
  await createMember({ ctx: h.ctx, input: { ...input, email: "olle@techtank.se", name: "Olle Arrangör", role: "organiser", language: "sv" } });
}

/** An endpoint whose every attempt fails, attempted until the dispatcher disables it. */
async function failForThreeDays(h: MailHarness) {
  const { id } = await createWebhook({ ctx: h.ctx, input: { orgId: h.orgId, webhook: { url: "https://crm.example.se/hooks", events: ["event.updated"] } }, actor: { ...actor, orgId: h.orgId } });
  const failingSince = h.clock.now().getTime();
  await h.database.db.run(sql`INSERT INTO webhook_deliveries (id, endpoint_id, org_id, type, payload, status, attempts, next_attempt_at, created_at)
    VALUES ('msg_webhookdisabledtest', ${id}, ${h.orgId}, 'event.updated', '{}', 'pending', 0, 0, ${failingSince})`);
  const fetcher = async () => new Response("nope", { status: 503 });
  for (let i = 0; i < 30; i++) {
    await dispatchWebhooks({ ctx: h.ctx, fetcher });
    const [row] = await h.database.db.all<{ disabled_at: number | null }>(sql`SELECT disabled_at FROM webhook_endpoints WHERE id = ${id}`);
    if (row!.disabled_at) break;
    h.clock.advance(10 * HOUR);
  }
  expect(h.clock.now().getTime() - failingSince).toBeGreaterThanOrEqual(RETRY_FOR_MS);
  // The URL as it was typed (the dispatcher copies it into the mail's payload).
  await h.database.db.run(sql`UPDATE outbox SET payload = json_set(payload, '$.url', ${NASTY}) WHERE kind = 'webhook_disabled'`);
  return { id, failingSince };
}

describe("the owners' email about a disabled webhook", () => {
  it("goes once to each owner, in their language, with the URL escaped in the HTML", async () => {
    m = await mailHarness();
    await owners(m);
    const { id } = await failForThreeDays(m);
    expect((await m.outbox()).filter((r) => r.kind === "webhook_disabled").map((r) => r.to_email).sort()).toEqual(["asa@techtank.se", "erik@techtank.se"]);
    expect(await m.dispatch()).toMatchObject({ sent: 2 });
    expect(m.inbox("olle@techtank.se")).toHaveLength(0);

    const [sv] = m.inbox("asa@techtank.se");
    expect(sv!.mail.from!.value[0]!.address).toBe("noreply@plats.techtank.se");
    expect(sv!.mail.subject).toBe("En webhook i Techtank är avstängd");
    expect(sv!.mail.text).toContain("Hej Åsa!");
    expect(sv!.mail.text).toContain(`Inga leveranser har kommit fram till webhooken ${NASTY} sedan lördag 21 november 2026 kl. 09.00 UTC, så den är nu avstängd.`);
    expect(sv!.mail.text).toContain("förrän en ägare aktiverar den igen");
    expect(sv!.mail.text).toContain("väntar och kan skickas igen");
    expect(sv!.mail.text).toContain(`https://plats.test/admin/webhooks/${id}`);

    const [en] = m.inbox("erik@techtank.se");
    expect(en!.mail.subject).toBe("A webhook of Techtank is disabled");
    expect(en!.mail.text).toContain("Hello Erik,");
    expect(en!.mail.text).toContain("since Saturday 21 November 2026 at 09:00 UTC");
    expect(en!.mail.text).toContain("until an owner enables it again");
    const html = String(en!.mail.html);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain(`href="https://plats.test/admin/webhooks/${id}"`);
    expect(en!.mail.headers.get("auto-submitted")).toBe("auto-generated");

    // Once: later runs write no more.
    m.clock.advance(24 * HOUR);
    await dispatchWebhooks({ ctx: m.ctx, fetcher: async () => new Response("", { status: 503 }) });
    expect((await m.outbox()).filter((r) => r.kind === "webhook_disabled")).toHaveLength(2);
  });

  it("is not sent once the webhook is enabled again or deleted", async () => {
    m = await mailHarness();
    await owners(m);
    const { id } = await failForThreeDays(m);
    await m.database.db.run(sql`UPDATE webhook_endpoints SET disabled_at = NULL, disabled_reason = NULL WHERE id = ${id}`);
    expect(await m.dispatch()).toMatchObject({ sent: 0 });
    expect((await m.outbox()).filter((r) => r.kind === "webhook_disabled").map((r) => r.status)).toEqual(["skipped", "skipped"]);
  });
});
