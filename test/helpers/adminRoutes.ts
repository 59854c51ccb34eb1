import { sql } from "drizzle-orm";
import { createMember, mintLoginLink } from "../../src/domain/accounts";
import { passOf, makeEvent, signUp } from "../admin-checkin-fixture";
import type { AdminHarness } from "./admin";
import { eventBody } from "./harness";

/**
 * Every route of the workspace from the app's own route table, and an id of the harness
 * organisation for each parameter: tests that walk the workspace (its guards, its
 * languages) find a new route without being told.
 */
export async function workspaceFixture(h: AdminHarness) {
  const eventId = await makeEvent(h, { title: "Vaktad dag", capacity: 1 });
  const asa = await signUp(h, eventId, { name: "Åsa Söderström", email: "asa@verkstad.se" });
  await signUp(h, eventId, { name: "Bo Ek", email: "bo@ek.se" });
  const colleague = await createMember({ ctx: h.ctx, input: { orgId: h.orgId, email: "kollega@cluster.se", role: "organiser" } });
  const code = new URL((await passOf(h, h.orgId, asa.id)).url).pathname.split("/").pop()!;
  const [apiToken] = await h.database.db.all<{ id: string }>(sql`SELECT id FROM api_tokens WHERE org_id = ${h.orgId}`);
  // A day whose attendees choose sessions, with one session (the :sid of /admin/sessions/:sid/…).
  const programmeDay = await h.api("POST", "/events", eventBody({ title: "Programdag", programme: "choose" }));
  const session = await h.api("POST", `/events/${programmeDay.body.id}/sessions`, { title: "Vaktat pass", startsAt: programmeDay.body.startsAt, endsAt: programmeDay.body.endsAt, capacity: 5 });
  const ids: Record<string, string> = {
    event: eventId,
    rid: asa.id,
    member: colleague.id,
    code,
    token: await mintLoginLink(h.ctx, colleague.id, 3_600_000),
    apiToken: apiToken!.id,
    sid: session.body.id as string,
  };
  return {
    ids,
    /** Every route under /admin, as `METHOD path` (Hono's pattern syntax), deduplicated. */
    routes: () => [...new Set(h.app.routes.filter((r) => r.path === "/admin" || r.path.startsWith("/admin/")).map((r) => `${r.method} ${r.path}`))],
    /** The pattern with our ids in it: `:id` is an event's under /events, a member's under /members, a token's under /tokens. */
    pathOf: (pattern: string) =>
      pattern.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string, _re, offset: number) => {
        const before = pattern.slice(0, offset);
        const key = name === "id" ? (before.endsWith("/members/") ? "member" : before.endsWith("/tokens/") ? "apiToken" : "event") : name;
        const value = ids[key];
        if (!value) throw new Error(`${pattern}: no fixture for :${name}; say in test/helpers/adminRoutes.ts which id it takes`);
        return value;
      }),
  };
}
