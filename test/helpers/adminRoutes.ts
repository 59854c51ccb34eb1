import { sql } from "drizzle-orm";
import { createMember, mintLoginLink } from "../../src/domain/accounts";
import { passOf, makeEvent, signUp } from "../admin-checkin-fixture";
import type { AdminHarness } from "./admin";

/**
 * Every route of the workspace from the app's own route table, and an id of the harness
 * organisation for each parameter: tests that walk the workspace (its guards, its
 * languages) find a new route without being told.
 */
export async function workspaceFixture(h: AdminHarness) {
  // A webhook first, so the signups below leave deliveries in its log.
  const webhook = (await h.api("POST", "/webhooks", { url: "https://crm.example.se/vakt", events: ["registration.created"] })).body.id as string;
  const eventId = await makeEvent(h, { title: "Vaktad dag", capacity: 1 });
  const asa = await signUp(h, eventId, { name: "Åsa Söderström", email: "asa@verkstad.se" });
  await signUp(h, eventId, { name: "Bo Ek", email: "bo@ek.se" });
  const colleague = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "kollega@cluster.se", role: "organiser" } });
  const code = new URL((await passOf(h, h.orgId, asa.id)).url).pathname.split("/").pop()!;
  const [apiToken] = await h.database.db.all<{ id: string }>(sql`SELECT id FROM api_tokens WHERE org_id = ${h.orgId}`);
  // An event with a programme: a session with a seat taken, for the session's pages.
  const programme = await makeEvent(h, { title: "Vaktat program", programme: "choose" });
  const { startsAt, endsAt } = (await h.api("GET", `/events/${programme}`)).body as { startsAt: string; endsAt: string };
  const session = (await h.api("POST", `/events/${programme}/sessions`, { title: "Vaktat pass", startsAt, endsAt })).body.id as string;
  await signUp(h, programme, { name: "Åsa Söderström", email: "asa@verkstad.se", organisation: "Verkstad AB", sessions: [session] });
  // An invitation to the guarded event, not sent, for the invitations' own routes.
  const invited = await h.api("POST", `/events/${eventId}/invitations`, { invitees: [{ email: "inbjuden@verkstad.se", organisation: "Verkstad AB" }], send: false });
  const ids: Record<string, string> = {
    event: eventId,
    rid: asa.id,
    member: colleague.id,
    code,
    token: await mintLoginLink(h.ctx, colleague.id, 3_600_000),
    apiToken: apiToken!.id,
    sid: session,
    session,
    webhook,
    delivery: (await h.database.db.all<{ id: string }>(sql`SELECT id FROM webhook_deliveries WHERE endpoint_id = ${webhook}`))[0]!.id,
    inv: (invited.body as { invitations: { id: string }[] }).invitations[0]!.id,
  };
  return {
    ids,
    /** Every route under /admin, as `METHOD path` (Hono's pattern syntax), deduplicated. */
    routes: () => [...new Set(h.app.routes.filter((r) => r.path === "/admin" || r.path.startsWith("/admin/")).map((r) => `${r.method} ${r.path}`))],
    /** The pattern with our ids in it: `:id` is an event's under /events, a member's under /members, a token's under /tokens, a session's under /sessions, a webhook's under /webhooks. */
    pathOf: (pattern: string) =>
      pattern.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string, _re, offset: number) => {
        const before = pattern.slice(0, offset);
        const key = name === "id" ? (before.endsWith("/members/") ? "member" : before.endsWith("/tokens/") ? "apiToken" : before.endsWith("/sessions/") ? "session" : before.endsWith("/webhooks/") ? "webhook" : "event") : name;
        const value = ids[key];
        if (!value) throw new Error(`${pattern}: no fixture for :${name}; say in test/helpers/adminRoutes.ts which id it takes`);
        return value;
      }),
  };
}
