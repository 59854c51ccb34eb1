import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, describe, expect, it } from "vitest";
import { loginLinkEmail, templates, type EmailData } from "../emails";
import { messages } from "../src/i18n/messages";
import type { OutgoingMail } from "../src/mail/mailer";
import { fileMailer } from "../src/runtime/node/mailers";
import { buildMime } from "../src/runtime/workers/mime";

// A link in the plain-text part must reach the reader whole, on one line, however long:
// both runtimes' encoders (nodemailer on Node, our own MIME on Workers) are read back by
// a real parser, and every link must be found intact on a line of its own words.
const dir = mkdtempSync(join(tmpdir(), "plats-text-links-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const long = (base: string) => `${base}?${Array.from({ length: 12 }, (_, i) => `parameter${i}=värde-${"x".repeat(20)}`).join("&")}`;
const data: EmailData = {
  language: "sv",
  name: "Åsa Öberg",
  orgName: "Techtank",
  event: {
    title: "Leankonferens Blekinge 2027 – workshops och föredrag om ständiga förbättringar i industrin",
    when: "torsdag 18 mars 2027 kl. 08.30–15.30",
    venue: "Blekinge Tekniska Högskola",
    address: "Campus Gräsvik, Karlskrona",
    url: "https://plats.example/e/leankonferens-blekinge-2027",
    onlineUrl: long("https://teams.microsoft.com/l/meetup-join/19%3ameeting_MjQ1ZjYwZDEtYzk4Ni00ZDRmLWE5NDEtNTY3ODkw%40thread.v2/0"),
    offers: false,
  },
  manageUrl: "https://plats.example/r/plats_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
  position: null,
  calendar: {
    ics: "https://plats.example/r/plats_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ/invite.ics",
    google: long("https://calendar.google.com/calendar/render"),
    outlook: long("https://outlook.live.com/calendar/0/action/compose"),
    office365: long("https://outlook.office.com/calendar/0/action/compose"),
  },
  checkin: null,
  message: null,
  offer: null,
};
const offer = { deadline: "lördag 13 mars 2027 kl. 08.30", acceptUrl: `${data.manageUrl}/accept` };

const rendered = [
  { name: "a confirmation", mail: templates.confirmed(messages("sv"), data), links: [data.event.onlineUrl!, data.manageUrl, ...Object.values(data.calendar!)] },
  {
    name: "an offer of a seat",
    mail: templates.offered(messages("en"), { ...data, language: "en", calendar: null, event: { ...data.event, onlineUrl: null, offers: true }, offer }),
    links: [offer.acceptUrl, data.manageUrl],
  },
  {
    name: "a sign-in link",
    mail: loginLinkEmail(messages("nb"), { language: "nb", name: "Ola", orgName: "7sterke", url: `https://plats.example/admin/login/link/${"A".repeat(44)}`, minutes: 15 }),
    links: [`https://plats.example/admin/login/link/${"A".repeat(44)}`],
  },
];

const outgoing = (r: (typeof rendered)[number]): OutgoingMail => ({
  messageId: `<msg_${Math.random().toString(36).slice(2)}@plats.example>`,
  from: { name: "Plats", address: "noreply@plats.example" },
  to: { name: "Åsa Öberg", address: "asa@industri.se" },
  subject: r.mail.subject,
  text: r.mail.text,
  html: r.mail.html,
  headers: {},
});

async function viaNodemailer(mail: OutgoingMail) {
  const mailer = fileMailer(dir);
  try {
    await mailer.send(mail);
  } finally {
    mailer.close();
  }
  const file = readdirSync(dir).find((f) => mail.messageId.includes(f.replace(/\.eml$/, "")))!;
  return readFileSync(join(dir, file));
}

describe.each(rendered)("the plain text of $name", (r) => {
  it.each([
    ["Node (nodemailer)", (m: OutgoingMail) => viaNodemailer(m)],
    ["Workers (buildMime)", async (m: OutgoingMail) => buildMime(m)],
  ] as const)("keeps every link whole on one line when encoded for %s", async (_, encode) => {
    const raw = await encode(outgoing(r));
    // No encoded line passes SMTP's 998 characters (a server may cut it there) ...
    const source = raw.toString();
    expect(Math.max(...source.split("\r\n").map((l) => l.length))).toBeLessThanOrEqual(998);
    // ... and decoded, each link is one unbroken run followed by the end of its line.
    const text = (await simpleParser(raw)).text!;
    const lines = text.split(/\r?\n/);
    for (const link of r.links) {
      expect(link.length).toBeGreaterThan(40);
      expect(lines.some((line) => line.endsWith(link) && (line === link || line.endsWith(` ${link}`)))).toBe(true);
    }
  });
});
