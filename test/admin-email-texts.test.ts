import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember } from "../src/domain/accounts";
import { saveEmailTexts } from "../src/domain/events";
import { queueReminders } from "../src/mail/reminders";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { eventBody } from "./helpers/harness";
import { mailHarness, type MailHarness } from "./helpers/mail";

// An organiser's own paragraph in an event's emails: written per kind and language in the
// workspace, previewed as the emails will read, saved, and then in the emails themselves.
const DAY = 86_400_000;

describe("the workspace page", () => {
  let h: AdminHarness;
  let organiser: SignedIn;
  let eventId: string;
  beforeAll(async () => {
    h = await adminHarness();
    organiser = await h.signedIn("organiser");
    eventId = (await h.api("POST", "/events", eventBody({ title: "Leanfrukost" }))).body.id;
  });
  afterAll(() => h.close());

  const path = () => `/admin/events/${eventId}/emails`;
  const stored = () => h.database.db.all<{ kind: string; language: string; body: string }>(sql`SELECT kind, language, body FROM event_email_texts ORDER BY kind, language`);
  const texts = (overrides: Record<string, string>) => ({
    ...Object.fromEntries(["confirmed", "waitlisted", "reminder"].flatMap((k) => ["sv", "nb", "en"].map((l) => [`${k}.${l}`, ""]))),
    ...overrides,
  });

  it("is linked from the attendance list and has a text area per email and language", async () => {
    expect((await organiser.request(`/admin/events/${eventId}`)).text).toContain(`href="${path()}"`);
    const res = await organiser.request(path());
    expect(res.status).toBe(200);
    expect(res.text.match(/<textarea /g)).toHaveLength(9);
    expect(res.text).toContain('id="f-confirmed.sv"');
    // Saving comes after a preview.
    expect(res.text).toContain('value="preview"');
    expect(res.text).not.toContain('value="save"');
  });

  it("previews each email with its text as the reader gets it, and saves nothing", async () => {
    const res = await organiser.request(path(), {
      form: { step: "preview", ...texts({ "confirmed.sv": "Parkera vid entrén.\nTa med <laptop>.", "reminder.en": "Bring your badge." }) },
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Subject:</strong> Bekräftelse: Leanfrukost");
    expect(res.text).toContain("Hej Anna!");
    expect(res.text).toContain("Parkera vid entrén.\nTa med &lt;laptop&gt;.");
    expect(res.text).toContain("Bring your badge.");
    expect(res.text).toContain('value="save"');
    // The typed texts stay in the form.
    expect(res.text).toContain(">Bring your badge.</textarea>");
    expect(await stored()).toEqual([]);
  });

  it("saves, says so, shows the texts again and logs which texts exist, never their words", async () => {
    const res = await organiser.request(path(), { form: { step: "save", ...texts({ "confirmed.sv": "  Parkera vid entrén.  ", "waitlisted.nb": "Vi gir beskjed." }) } });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${path()}?notice=saved`);
    expect(await stored()).toEqual([
      { kind: "confirmed", language: "sv", body: "Parkera vid entrén." },
      { kind: "waitlisted", language: "nb", body: "Vi gir beskjed." },
    ]);
    const again = await organiser.request(res.location!);
    expect(again.text).toContain("The texts are saved.");
    expect(again.text).toContain(">Parkera vid entrén.</textarea>");
    const [audit] = await h.database.db.all<{ action: string; detail: string }>(sql`SELECT action, detail FROM audit_log WHERE action = 'event.email_texts'`);
    expect(JSON.parse(audit!.detail)).toEqual({ eventId, texts: ["confirmed.sv", "waitlisted.nb"] });
    // Emptied and saved again: none left.
    await organiser.request(path(), { form: { step: "save", ...texts({}) } });
    expect(await stored()).toEqual([]);
  });

  it("refuses a text too long or with control characters on its field, and changes nothing", async () => {
    await organiser.request(path(), { form: { step: "save", ...texts({ "reminder.sv": "Kvar" }) } });
    const before = await stored();
    for (const [field, value] of [["confirmed.en", "x".repeat(2001)], ["waitlisted.sv", "Bell\u0007"]] as const) {
      const res = await organiser.request(path(), { form: { step: "save", ...texts({ [field]: value }) } });
      expect(res.status, field).toBe(400);
      expect(res.text).toContain(`href="#f-${field}"`);
      expect(res.text).toMatch(new RegExp(`id="f-${field.replace(".", "\\.")}"[^>]*aria-invalid="true"`));
    }
    expect(await stored()).toEqual(before);
  });

  it("is in Swedish for a Swedish member", async () => {
    const sv = await h.signedIn("organiser", h.orgId, "sv-SE");
    const res = await sv.request(path(), { headers: { "accept-language": "sv-SE" } });
    expect(res.text).toContain("<h1>Egna texter i mejlen</h1>");
    expect(res.text).toContain("Bekräftelsen (också när någon får plats från väntelistan)");
    expect(res.text).toContain("Förhandsgranska");
  });

  it("is refused for door staff, for another organisation, and for a cancelled event's save", async () => {
    const door = await h.signedIn("checkin");
    expect((await door.request(path())).status).toBe(403);
    const stranger = await h.signedIn("organiser", (await h.otherOrg()).orgId);
    expect((await stranger.request(path())).status).toBe(404);
    const cancelled = (await h.api("POST", "/events", eventBody({ title: "Inställd" }))).body.id;
    await h.api("POST", `/events/${cancelled}/cancel`, {});
    const res = await organiser.request(`/admin/events/${cancelled}/emails`, { form: { step: "save", ...texts({ "confirmed.sv": "Hej" }) } });
    expect(res.status).toBe(409);
    expect(await h.database.db.all(sql`SELECT 1 FROM event_email_texts WHERE event_id = ${cancelled}`)).toEqual([]);
  });
});

describe("the emails", () => {
  let m: MailHarness;
  beforeAll(async () => {
    m = await mailHarness();
  });
  afterAll(() => m.stop());

  it("carry the text of their kind in the reader's language, else the event's, and nothing when none is written", async () => {
    const ev = (await m.api("POST", "/events", eventBody({ title: "Leandag", capacity: 1, language: "sv" }))).body;
    const member = await createMember({ ctx: m.ctx, input: { orgId: m.orgId, email: "arr@techtank.se", role: "organiser" } });
    await saveEmailTexts({
      ctx: m.ctx,
      input: {
        orgId: m.orgId,
        eventId: ev.id,
        texts: { confirmed: { sv: "Parkera vid entrén.", en: "Park by the entrance." }, waitlisted: { sv: "Vi hör av oss." }, reminder: { nb: "Husk navneskiltet." } },
      },
      actor: { orgId: m.orgId, id: member.id, email: member.email },
    });
    const sara0 = await m.signUp(ev.id, { firstName: "Sara", lastName: "Svensk", email: "sara@example.se" });
    await m.signUp(ev.id, { firstName: "Emma", lastName: "English", email: "emma@example.com", language: "en" });
    await m.signUp(ev.id, { firstName: "Nils", lastName: "Norsk", email: "nils@example.no", language: "nb" });
    await m.dispatch();
    const sara = m.inbox("sara@example.se")[0]!.mail;
    expect(sara.text).toContain("Parkera vid entrén.");
    expect(sara.html).toContain("Parkera vid entrén.");
    // Waiting readers of English and Norwegian get the Swedish waitlist text: none in theirs.
    expect(m.inbox("emma@example.com")[0]!.mail.text).toContain("Vi hör av oss.");
    expect(m.inbox("nils@example.no")[0]!.mail.text).toContain("Vi hör av oss.");

    // Sara cancels: Emma gets the seat, and the confirmation's text in English.
    await m.api("POST", `/manage/${sara0.body.manageUrl.split("/r/")[1]}/cancel`, undefined, { token: null });
    await m.dispatch();
    const promoted = m.inbox("emma@example.com").at(-1)!.mail;
    expect(promoted.text).toContain("Park by the entrance.");
    expect(promoted.text).not.toContain("Parkera");

    // The reminder: Emma reads English, and only Norwegian was written for reminders.
    m.clock.advance(Date.parse(ev.startsAt) - m.clock.now().getTime() - DAY / 2);
    expect((await queueReminders({ ctx: m.ctx, leadMs: DAY })).queued).toBe(1);
    await m.dispatch();
    const reminder = m.inbox("emma@example.com").at(-1)!.mail;
    expect(reminder.subject).toMatch(/Reminder/);
    expect(reminder.text).not.toContain("Husk navneskiltet.");
  });
});
