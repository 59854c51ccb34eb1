import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { PUBLIC_URL, person } from "./helpers/harness";
import { newEvent } from "./admin-attendees-fixture";

// The invitations page: a pasted or uploaded list is read whole (every bad line named by
// its number, nothing imported until it is clean), then invited through the domain; the
// table shows each invitation's state, and each can be sent again, revoked or reminded.
let h: AdminHarness;
let organiser: SignedIn;
beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
});
afterAll(() => h.close());

const page = (ev: string, query = "") => `/admin/events/${ev}/invitations${query}`;
const invitationRows = (ev: string) =>
  h.database.db.all<{ id: string; email: string; first_name: string; last_name: string; organisation: string | null; language: string | null; seats: number; status: string }>(
    sql`SELECT id, email, first_name, last_name, organisation, language, seats, status FROM invitations WHERE event_id = ${ev} ORDER BY created_at, rowid`,
  );
const mails = () => h.database.db.all<{ to_email: string; locale: string; payload: string }>(sql`SELECT to_email, locale, payload FROM outbox WHERE kind = 'invitation' ORDER BY rowid`);
const audits = (action: string) => h.database.db.all<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = ${action} ORDER BY seq`);
const unescape = (html: string) => html.replaceAll("&amp;", "&").replaceAll("&#39;", "'").replaceAll("&quot;", '"');

/** The invitations table's rows: each row's visible text, squeezed. */
function rowsOf(html: string) {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr id="(inv_[^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => m[2]!.replace(/<input[^>]*>/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
}

/** A multipart post of the invite form as a browser sends it, with a file. */
async function upload(ev: string, file: { bytes: Uint8Array | string; name: string; type: string }, fields: Record<string, string> = { send: "yes" }) {
  const body = new FormData();
  body.append("list", "");
  body.append("file", new File([typeof file.bytes === "string" ? file.bytes : (file.bytes as Uint8Array<ArrayBuffer>)], file.name, { type: file.type }));
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  const res = await h.app.request(page(ev), { method: "POST", body, headers: { cookie: organiser.cookie, origin: PUBLIC_URL, "accept-language": "en" } });
  return { status: res.status, text: await res.text(), location: res.headers.get("location") };
}

const invitationEvent = () => newEvent(h, { title: "Industriforum Kronoberg", access: "invitation", capacity: 40 });

describe("inviting from a pasted list", () => {
  it("names every bad line by its number and imports nothing until the list is clean", async () => {
    const ev = await invitationEvent();
    const list = [
      "email; name; organisation; seats; language",
      "anna@volvo.se; Anna Berg; Volvo Cars AB; 3",
      "not-an-address; Bo Ek; IF Metall; 1",
      "cia@unionen.se; Cia Dahl; Unionen; 0",
      "dan@region.se, Dan Ek, Region Kronoberg, 2, fi",
    ].join("\n");
    const res = await organiser.request(page(ev), { form: { list, send: "yes" } });
    expect(res.status).toBe(400);
    const text = unescape(res.text);
    expect(text).toContain("The list has errors. Nobody has been invited.");
    expect(text).toContain("Line 3: “not-an-address” is not an email address.");
    expect(text).toContain("Line 4: seats must be a whole number from 1 to 100.");
    expect(text).toContain("Line 5: “fi” is not a language we write in. Use sv, nb or en.");
    expect(text).not.toContain("Line 2:");
    // The list comes back as typed, to be corrected.
    expect(text).toContain("anna@volvo.se; Anna Berg; Volvo Cars AB; 3");
    expect(await invitationRows(ev)).toEqual([]);
    expect(await mails()).toEqual([]);
  });

  it("invites a clean list (header optional, any separator, a duplicate merged), sends it, and shows each state", async () => {
    const ev = await invitationEvent();
    const list = "anna@volvo.se; Anna Berg; Volvo Cars AB; 3\nbo@ifmetall.se,Bo Ek,IF Metall\n\ncia@unionen.se\tCia Dahl\tUnionen\t2\tnb\nANNA@volvo.se;;;1\n";
    const res = await organiser.request(page(ev), { form: { list, send: "yes" } });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${page(ev)}?notice=invited&n=3&sent=1`);
    const rows = await invitationRows(ev);
    expect(rows.map((r) => [r.email, r.first_name, r.last_name, r.organisation, r.language, r.seats, r.status])).toEqual([
      ["anna@volvo.se", "Anna", "Berg", "Volvo Cars AB", null, 3, "sent"],
      ["bo@ifmetall.se", "Bo", "Ek", "IF Metall", null, 1, "sent"],
      ["cia@unionen.se", "Cia", "Dahl", "Unionen", "nb", 2, "sent"],
    ]);
    expect((await mails()).filter((m) => rows.some((r) => r.email === m.to_email)).map((m) => [m.to_email, m.locale])).toEqual([
      ["anna@volvo.se", "sv"],
      ["bo@ifmetall.se", "sv"],
      ["cia@unionen.se", "nb"],
    ]);
    expect(JSON.parse((await audits("invitation.create")).at(-1)!.detail)).toMatchObject({ invitees: 3, send: true });

    const shown = await organiser.request(`${page(ev)}?notice=invited&n=3&sent=1`);
    expect(shown.text).toContain("3 invitations saved. Sending has started.");
    expect(rowsOf(shown.text)).toEqual([
      "anna@volvo.se Anna Berg Volvo Cars AB 3 0 of 3 sent Actions Send again Revoke Link for anna@volvo.se Copy the link",
      "bo@ifmetall.se Bo Ek IF Metall 1 0 of 1 sent Actions Send again Revoke Link for bo@ifmetall.se Copy the link",
      "cia@unionen.se Cia Dahl Unionen 2 0 of 2 sent Actions Send again Revoke Link for cia@unionen.se Copy the link",
    ]);

    // Anna registers with a colleague through her link: "registered 2 of 3".
    const url = new URL(unescape(/value="(https?:[^"]*invitation=[^"]+)"/.exec(shown.text)![1]!));
    const token = url.searchParams.get("invitation")!;
    const group = { ...person({ email: "anna@volvo.se", name: "Anna Berg", organisation: "Volvo Cars AB" }), invitation: token };
    expect((await h.api("POST", `/events/${ev}/registrations`, group, { token: null })).status).toBe(201);
    const colleague = { ...person({ email: "erik@volvo.se", name: "Erik Lund", organisation: "Volvo Cars" }), invitation: token };
    expect((await h.api("POST", `/events/${ev}/registrations`, colleague, { token: null })).status).toBe(201);

    const after = await organiser.request(page(ev));
    expect(rowsOf(after.text)[0]).toContain("Volvo Cars AB 3 2 of 3 registered");
    expect(after.text).toContain("<option value=\"registered\">registered (1)</option>");
    expect(after.text).toContain("<option value=\"sent\">sent (2)</option>");
    const filtered = await organiser.request(page(ev, "?state=registered"));
    expect(rowsOf(filtered.text)).toHaveLength(1);
    // Only Bo and Cia have not answered.
    expect(after.text).toContain("Remind everyone who hasn&#39;t answered (2)");
  });

  it("saves without sending when the box is unticked, and says so", async () => {
    const ev = await invitationEvent();
    const before = (await mails()).length;
    const res = await organiser.request(page(ev), { form: { list: "solo@example.se" } });
    expect(res.location).toBe(`${page(ev)}?notice=invited&n=1&sent=0`);
    expect((await invitationRows(ev)).map((r) => r.status)).toEqual(["created"]);
    expect((await mails()).length).toBe(before);
    const shown = await organiser.request(res.location!);
    expect(shown.text).toContain("1 invitation saved. Nothing has been sent yet.");
    expect(rowsOf(shown.text)[0]).toContain("not sent");
    expect(rowsOf(shown.text)[0]).toContain(" Send ");
  });

  it("refuses an empty list on the form, changing nothing", async () => {
    const ev = await invitationEvent();
    const res = await organiser.request(page(ev), { form: { list: "  \n", send: "yes" } });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Paste at least one line or choose a file.");
    expect(await invitationRows(ev)).toEqual([]);
  });
});

describe("inviting from a file", () => {
  it("reads a CSV file with a header in any order, quoted fields included", async () => {
    const ev = await invitationEvent();
    const csv = '\uFEFFname,email,seats,organisation,language\r\n"Berg, Anna",anna@volvo.se,2,"Volvo ""Cars"" AB",en\r\nBo Ek,bo@ifmetall.se,,IF Metall,\r\n';
    const res = await upload(ev, { bytes: csv, name: "inbjudna.csv", type: "text/csv" });
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    expect((await invitationRows(ev)).map((r) => [r.email, r.first_name, r.last_name, r.organisation, r.seats, r.language])).toEqual([
      ["anna@volvo.se", "Berg,", "Anna", 'Volvo "Cars" AB', 2, "en"],
      ["bo@ifmetall.se", "Bo", "Ek", "IF Metall", 1, null],
    ]);
  });

  it("reads an XLSX workbook, and names its bad rows by their row numbers", async () => {
    const ev = await invitationEvent();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Inbjudna");
    sheet.addRow(["email", "name", "organisation", "seats", "language"]);
    sheet.addRow(["anna@volvo.se", "Anna Berg", "Volvo Cars AB", 3, "sv"]);
    sheet.addRow(["bo@ifmetall.se", "Bo Ek", "IF Metall & Co <AB>", 1, "nb"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const ok = await upload(ev, { bytes, name: "inbjudna.xlsx", type }, {});
    expect(ok.status, ok.text.slice(0, 300)).toBe(303);
    expect((await invitationRows(ev)).map((r) => [r.email, r.first_name, r.organisation, r.seats, r.language, r.status])).toEqual([
      ["anna@volvo.se", "Anna", "Volvo Cars AB", 3, "sv", "created"],
      ["bo@ifmetall.se", "Bo", "IF Metall & Co <AB>", 1, "nb", "created"],
    ]);

    const bad = new ExcelJS.Workbook();
    const s2 = bad.addWorksheet("Lista");
    s2.addRow(["email", "seats"]);
    s2.addRow(["cia@unionen.se", 2]);
    s2.addRow(["dan(at)region.se", 1]);
    s2.addRow(["eva@region.se", 500]);
    const ev2 = await invitationEvent();
    const refused = await upload(ev2, { bytes: new Uint8Array(await bad.xlsx.writeBuffer()), name: "lista.xlsx", type });
    expect(refused.status).toBe(400);
    expect(unescape(refused.text)).toContain("Line 3: “dan(at)region.se” is not an email address.");
    expect(unescape(refused.text)).toContain("Line 4: seats must be a whole number from 1 to 100.");
    expect(await invitationRows(ev2)).toEqual([]);
  });

  it("refuses a file it cannot read, one too large, and a list and a file together, changing nothing", async () => {
    const ev = await invitationEvent();
    const broken = await upload(ev, { bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 9, 9]), name: "x.xlsx", type: "application/octet-stream" });
    expect(broken.status).toBe(400);
    expect(broken.text).toContain("The file cannot be read.");
    const big = await upload(ev, { bytes: `${"a@b.se\n".repeat(80_000)}`, name: "big.csv", type: "text/csv" });
    expect(big.status).toBe(400);
    expect(big.text).toContain("The file is too large.");
    const body = new FormData();
    body.append("list", "x@example.se");
    body.append("file", new File(["y@example.se"], "y.csv", { type: "text/csv" }));
    const both = await h.app.request(page(ev), { method: "POST", body, headers: { cookie: organiser.cookie, origin: PUBLIC_URL, "accept-language": "en" } });
    expect(both.status).toBe(400);
    expect(await both.text()).toContain("Paste a list or choose a file, not both.");
    expect(await invitationRows(ev)).toEqual([]);
  });
});

describe("resending, revoking and reminding", () => {
  it("sends again, reminds those who have not answered, and revokes after a confirmation", async () => {
    const ev = await invitationEvent();
    await organiser.request(page(ev), { form: { list: "a@example.se\nb@example.se\nc@example.se", send: "yes" } });
    const [a, b] = await invitationRows(ev);
    const count = async () => (await mails()).length;

    let before = await count();
    const resent = await organiser.request(`${page(ev)}/${a!.id}/resend`, { form: {} });
    expect(resent.location).toBe(`${page(ev)}?notice=resent`);
    expect(await count()).toBe(before + 1);
    expect(await audits("invitation.resend")).toHaveLength(1);

    const confirm = await organiser.request(`${page(ev)}/${b!.id}/revoke`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("The link in the invitation to b@example.se stops working.");
    const revoked = await organiser.request(`${page(ev)}/${b!.id}/revoke`, { form: {} });
    expect(revoked.location).toBe(`${page(ev)}?notice=revoked`);
    expect((await invitationRows(ev))[1]!.status).toBe("revoked");
    expect(await audits("invitation.revoke")).toHaveLength(1);

    before = await count();
    const shown = await organiser.request(page(ev));
    expect(shown.text).toContain("Remind everyone who hasn&#39;t answered (2)");
    expect(rowsOf(shown.text)[1]).toBe("b@example.se 1 0 of 1 revoked");
    const reminded = await organiser.request(`${page(ev)}/remind`, { form: {} });
    expect(reminded.location).toBe(`${page(ev)}?notice=reminded&n=2`);
    expect(await count()).toBe(before + 2);
    expect((await mails()).slice(-2).map((m) => [m.to_email, JSON.parse(m.payload).reminder])).toEqual([
      ["a@example.se", true],
      ["c@example.se", true],
    ]);
    expect((await organiser.request(reminded.location!)).text).toContain("2 reminders are being sent.");

    // A revoked invitation is not sent again: the workspace's error, nothing queued.
    before = await count();
    const closed = await organiser.request(`${page(ev)}/${b!.id}/resend`, { form: {} });
    expect(closed.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it("answers another organisation's event and invitations with 404, and another event's invitation too", async () => {
    const ev = await invitationEvent();
    await organiser.request(page(ev), { form: { list: "a@example.se", send: "yes" } });
    const [a] = await invitationRows(ev);
    const stranger = await h.signedIn("owner", (await h.otherOrg()).orgId);
    const before = { rows: await invitationRows(ev), mails: (await mails()).length };
    expect((await stranger.request(page(ev))).status).toBe(404);
    expect((await stranger.request(page(ev), { form: { list: "x@example.se", send: "yes" } })).status).toBe(404);
    expect((await stranger.request(`${page(ev)}/${a!.id}/revoke`, { form: {} })).status).toBe(404);
    expect((await stranger.request(`${page(ev)}/${a!.id}/resend`, { form: {} })).status).toBe(404);
    expect((await stranger.request(`${page(ev)}/remind`, { form: {} })).status).toBe(404);
    const other = await invitationEvent();
    expect((await organiser.request(`${page(other)}/${a!.id}/revoke`, { form: {} })).status).toBe(404);
    expect({ rows: await invitationRows(ev), mails: (await mails()).length }).toEqual(before);
  });

  it("refuses the check-in role every write, changing nothing", async () => {
    const ev = await invitationEvent();
    await organiser.request(page(ev), { form: { list: "a@example.se", send: "yes" } });
    const [a] = await invitationRows(ev);
    const door = await h.signedIn("checkin");
    const before = { rows: await invitationRows(ev), mails: (await mails()).length };
    expect((await door.request(page(ev))).status).toBe(403);
    expect((await door.request(page(ev), { form: { list: "x@example.se", send: "yes" } })).status).toBe(403);
    expect((await door.request(`${page(ev)}/${a!.id}/revoke`, { form: {} })).status).toBe(403);
    expect((await door.request(`${page(ev)}/${a!.id}/resend`, { form: {} })).status).toBe(403);
    expect((await door.request(`${page(ev)}/remind`, { form: {} })).status).toBe(403);
    expect({ rows: await invitationRows(ev), mails: (await mails()).length }).toEqual(before);
  });
});

describe("the event form's access fields", () => {
  it("saves who may sign up, listing and the company quota, and refuses a quota out of range on its field", async () => {
    const ev = await newEvent(h, { title: "Styrgrupp" });
    const edit = await organiser.request(`/admin/events/${ev}/edit`);
    expect(edit.text).toContain('name="access" value="public" id="f-access" checked=""');
    expect(edit.text).toContain('id="f-listed" name="listed" value="yes" checked=""');
    const fields = Object.fromEntries([...edit.text.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
    const form = { ...fields, title: "Styrgrupp", access: "approval", companyQuota: "2", listed: "" } as Record<string, string>;
    delete form.listed;
    const saved = await organiser.request(`/admin/events/${ev}/edit`, { form });
    expect(saved.status, saved.text.slice(0, 500)).toBe(303);
    const [row] = await h.database.db.all<{ access: string; listed: number; company_quota: number | null }>(sql`SELECT access, listed, company_quota FROM events WHERE id = ${ev}`);
    expect(row).toEqual({ access: "approval", listed: 0, company_quota: 2 });

    const refused = await organiser.request(`/admin/events/${ev}/edit`, { form: { ...form, companyQuota: "1001" } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#f-companyQuota"');
    const [same] = await h.database.db.all<{ company_quota: number | null }>(sql`SELECT company_quota FROM events WHERE id = ${ev}`);
    expect(same!.company_quota).toBe(2);
  });
});
