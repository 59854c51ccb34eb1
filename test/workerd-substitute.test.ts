import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";
import { seedOrganisation } from "./helpers/workerdSeed";

// Sending a colleague in one's place in the Workers build over D1: the decision, the new
// person, the new link, both emails and the audit entry are one db.batch there too.
let w: Workerd;
let auth: Record<string, string>;
beforeAll(async () => {
  w = await sharedWorkerd();
  ({ auth } = await seedOrganisation(w, `subst${Date.now().toString(36)}`));
});
afterAll(() => w?.stop());

const api = (path: string) => `${w.url}/api/v1${path}`;

describe("a seat passed on in workerd on D1", () => {
  it("keeps the row, moves the link and queues both emails in one write", async () => {
    const ev = await postJson(api("/events"), liveEventBody({ capacity: 2 }), auth);
    expect(ev.status).toBe(201);
    const tag = ev.body.id as string;
    const anna = await postJson(api(`/events/${tag}/registrations`), { name: "Anna Andersson", email: `anna.${tag}@example.se` });
    expect(anna.status).toBe(201);
    const token = anna.body.manageUrl.split("/r/")[1] as string;

    const bad = await postJson(api(`/manage/${token}/substitute`), { firstName: "Bo", email: "bo@" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fieldCodes).sort()).toEqual(["email", "lastName"]);

    const bo = `bo.${tag}@example.se`;
    const res = await postJson(api(`/manage/${token}/substitute`), { firstName: "Bo", lastName: "Berg", email: bo, organisation: "IUC Syd" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: anna.body.id, status: "confirmed", name: "Bo Berg", email: bo });
    const newToken = res.body.manageUrl.split("/r/")[1] as string;
    expect((await fetch(api(`/manage/${token}`))).status).toBe(404);
    expect((await fetch(api(`/manage/${newToken}`))).status).toBe(200);

    const [row] = (await w.d1(`SELECT name, email_key, status, substituted_name, substituted_at, invite_sequence FROM registrations WHERE id = '${anna.body.id}'`)) as Record<string, unknown>[];
    expect(row).toMatchObject({ name: "Bo Berg", email_key: bo, status: "confirmed", substituted_name: "Anna Andersson", invite_sequence: 1 });
    expect(row!.substituted_at).not.toBeNull();
    const mail = (await w.d1(`SELECT kind, to_email, status, payload FROM outbox WHERE registration_id = '${anna.body.id}' AND kind LIKE 'substitute%' ORDER BY rowid`)) as {
      kind: string;
      to_email: string;
      payload: string;
    }[];
    expect(mail.map((m) => [m.kind, m.to_email])).toEqual([
      ["substitute_replaced", `anna.${tag}@example.se`],
      ["substitute_confirmed", bo],
    ]);
    expect(JSON.parse(mail[0]!.payload)).toMatchObject({ sequence: 1, to: "Bo Berg" });
    const audit = (await w.d1(`SELECT actor_email FROM audit_log WHERE action = 'registration.substitute' AND subject_id = '${anna.body.id}'`)) as { actor_email: string }[];
    expect(audit).toEqual([{ actor_email: `anna.${tag}@example.se` }]);

    // The old link cannot do it again; the address now taken cannot be sent again.
    expect((await postJson(api(`/manage/${token}/substitute`), { firstName: "Cia", lastName: "Ek", email: `cia.${tag}@example.se` })).status).toBe(404);
    const again = await postJson(api(`/manage/${newToken}/substitute`), { firstName: "Bo", lastName: "Berg", email: bo });
    expect([again.status, again.body.error.code]).toEqual([409, "already_registered"]);
  });
});
