import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, requestLoginLink } from "../src/domain/accounts";
import { setLogo } from "../src/domain/organisations";
import { simpleParser } from "mailparser";
import { dispatchOutbox } from "../src/mail/dispatcher";
import type { OutgoingMail } from "../src/mail/mailer";
import { buildMime } from "../src/runtime/workers/mime";
import { eventBody, PUBLIC_URL } from "./helpers/harness";
import { PNG } from "./helpers/images";
import { FROM, ORGANISER, mailHarness, type MailHarness } from "./helpers/mail";

// Every email to attendees in the organisation's branding, read back from a real SMTP
// server: its name as the sender, its contact as Reply-To, its logo as a hosted image.
let m: MailHarness;
let logoUrl: string;
const NAME = "Föreningen Östra Blekinge «Lean»";
beforeAll(async () => {
  m = await mailHarness();
  await m.database.db.run(
    sql`UPDATE organisations SET name = ${NAME}, accent_color = '#0b6e4f', contact_phone = '+46 455 12 34 56', footer = ${"Box 1 <Karlskrona>\nwww.example.se"} WHERE id = ${m.orgId}`,
  );
  const actor = { orgId: m.orgId, id: null, email: "test" };
  await setLogo({ ctx: m.ctx, input: { orgId: m.orgId, bytes: PNG }, actor });
  logoUrl = (await m.api("GET", "/organisation")).body.logoUrl;
});
afterAll(() => m.stop());

describe("an organisation's email", () => {
  it("comes from the organisation's name (encoded), replies to its contact, shows its logo hosted, and attaches nothing", async () => {
    const ev = (await m.api("POST", "/events", eventBody({ capacity: 5 }))).body as { id: string };
    await m.signUp(ev.id, { name: "Anna Berg", email: "anna@example.se" });
    expect(await m.dispatch()).toMatchObject({ sent: 1 });
    const [msg] = m.inbox("anna@example.se");
    const mail = msg!.mail;
    expect(mail.from?.value).toEqual([{ name: NAME, address: "noreply@plats.techtank.se" }]);
    // Not ASCII, so an encoded word on the wire, never raw bytes in the header.
    const fromHeader = /^From: (.*(?:\r\n[ \t].*)*)/m.exec(msg!.raw)![1]!;
    expect(fromHeader).toMatch(/=\?UTF-8\?/i);
    expect(fromHeader).not.toContain("Ö");
    expect(mail.replyTo?.value).toEqual([{ address: ORGANISER, name: "" }]);

    expect(logoUrl).toMatch(new RegExp(`^${PUBLIC_URL}/o/org-\\d+/logo/[0-9a-f]{32}\\.png$`));
    expect(mail.html).toContain(`<img src="${logoUrl}" alt="Föreningen Östra Blekinge «Lean»"`);
    // Text, HTML and the invite (which mailparser lists among attachments), no image part.
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["text/calendar"]);
    expect(msg!.raw).not.toMatch(/Content-Type: image\//i);
    // The colour on the button (white reads on it), the contact and the footer, escaped.
    expect(mail.html).toContain("background:#0b6e4f;color:#ffffff");
    expect(mail.html).toContain(`<a href="mailto:${ORGANISER}">${ORGANISER}</a>`);
    expect(mail.html).toContain("Box 1 &lt;Karlskrona&gt;\nwww.example.se");
    expect(mail.text).toContain(`Kontakt: ${NAME} · ${ORGANISER} · +46 455 12 34 56`);
    expect(mail.text).toContain("Box 1 <Karlskrona>\nwww.example.se");
    // The URL in the email serves the logo.
    const served = await m.app.request(new URL(logoUrl).pathname);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
  });

  it("on Workers the same message (our own MIME) has the same sender, Reply-To, hosted logo and no image part", async () => {
    const ev = (await m.api("POST", "/events", eventBody({ capacity: 5 }))).body as { id: string };
    await m.signUp(ev.id, { name: "Cia Dahl", email: "cia@example.se" });
    const sent: OutgoingMail[] = [];
    await dispatchOutbox({ ctx: m.ctx, mailer: { send: async (mail) => (sent.push(mail), { ok: true }) }, settings: { from: FROM } });
    const raw = buildMime(sent.find((x) => x.to.address === "cia@example.se")!);
    expect(/^From: (.*)/m.exec(raw)![1]).toMatch(/^=\?UTF-8\?/i);
    const mail = await simpleParser(raw);
    expect(mail.from?.value).toEqual([{ name: NAME, address: "noreply@plats.techtank.se" }]);
    expect(mail.replyTo?.value).toEqual([{ address: ORGANISER, name: "" }]);
    expect(mail.html).toContain(`<img src="${logoUrl}" alt="Föreningen Östra Blekinge «Lean»"`);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["text/calendar"]);
  });

  it("without branding the email is as before: Plats' blue button, no image, no contact line", async () => {
    await m.database.db.run(sql`UPDATE organisations SET accent_color = NULL, contact_phone = NULL, footer = NULL, logo_hash = NULL, logo_type = NULL, contact_email = NULL WHERE id = ${m.orgId}`);
    const ev = (await m.api("POST", "/events", eventBody({ capacity: 5 }))).body as { id: string };
    await m.signUp(ev.id, { name: "Bo Ek", email: "bo@example.se" });
    await m.dispatch();
    const mail = m.inbox("bo@example.se")[0]!.mail;
    expect(mail.from?.value[0]?.name).toBe(NAME);
    expect(mail.replyTo).toBeUndefined();
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("background:#1d4ed8;color:#ffffff");
    expect(mail.text).not.toContain("Kontakt:");
  });

  it("a sign-in link to a member keeps MAIL_FROM's own name", async () => {
    const member = await createMember({ ctx: m.ctx, input: { orgId: m.orgId, email: "medlem@cluster.se", role: "organiser" } });
    await requestLoginLink({ ctx: m.ctx, input: { email: member.email } });
    await m.dispatch();
    const [msg] = m.inbox(member.email);
    expect(msg, "the member was sent a sign-in link").toBeDefined();
    expect(msg!.mail.from?.value).toEqual([{ name: FROM.split(" <")[0], address: "noreply@plats.techtank.se" }]);
    expect(msg!.mail.html).not.toContain("<img");
  });
});
