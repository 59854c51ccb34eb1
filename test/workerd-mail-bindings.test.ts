import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formFields, liveEventBody } from "./helpers/harness";
import { postJson } from "./helpers/server";
import { invitePart } from "./helpers/smtp";
import { ownWorkerd, type Workerd } from "./helpers/workerdInstances";
import { d1, eventually, seedOrganisation } from "./helpers/workerdSeed";

// The Workers build with its two Cloudflare bindings switched on, in workerd: Email
// Service (`send_email`, simulated by Miniflare, which keeps each raw message as an .eml
// file) and Rate Limiting (`ratelimits`, as wrangler.toml ships it: 30 people a minute),
// with the limit on other people's addresses counted in D1.
let w: Workerd;
let auth: Record<string, string>;
let mailFolder: string;
const ALLOWED = ["eva@example.se", "fia@example.se"];

beforeAll(async () => {
  // Miniflare keeps the simulated messages below the temporary folder it is given.
  mailFolder = mkdtempSync(join(tmpdir(), "plats-email-binding-"));
  w = await ownWorkerd(
    // The binding's limit (30 a minute) is the one that counts; the in-memory limiter
    // with SIGNUP_RATE_LIMIT would have stopped the sixth signup.
    { MAIL_FROM: "Techtank <noreply@plats.test>", SIGNUP_RATE_LIMIT: "5", SIGNUP_OTHER_ADDRESS_LIMIT: "8" },
    { extraConfig: `[[send_email]]\nname = "EMAIL"\nallowed_destination_addresses = ${JSON.stringify(ALLOWED)}`, tmpdir: mailFolder },
  );
  ({ auth } = await seedOrganisation(w, "binding"));
  await d1(w, `UPDATE organisations SET contact_email = 'evenemang@techtank.se' WHERE id = 'org_binding'`);
});
afterAll(async () => {
  await w?.stop();
  rmSync(mailFolder, { recursive: true, force: true });
});

/** Every message the send_email simulation has kept so far, parsed. */
async function sentMessages(): Promise<{ raw: string; mail: ParsedMail }[]> {
  const files = (readdirSync(mailFolder, { recursive: true }) as string[]).filter((f) => f.endsWith(".eml"));
  return Promise.all(
    files.map(async (f) => {
      const raw = readFileSync(join(mailFolder, f), "utf8");
      return { raw, mail: await simpleParser(raw) };
    }),
  );
}

const outboxOf = async (registrationId: string) =>
  (await d1(w, `SELECT id, status, last_error FROM outbox WHERE registration_id = '${registrationId}' ORDER BY rowid`)) as {
    id: string;
    status: string;
    last_error: string | null;
  }[];

// Signups carry their own client address, so the rate-limit test below counts alone.
const signUp = (eventId: string, email: string, ip = "198.51.100.1") =>
  postJson(`${w.url}/api/v1/events/${eventId}/registrations`, { name: "Eva Ström", email }, { "cf-connecting-ip": ip });

describe("Cloudflare Email Service binding", () => {
  it("sends the confirmation as a raw message with the calendar alternative intact", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 5 }), auth);
    const reg = await signUp(ev.body.id, "eva@example.se");
    expect(reg.status).toBe(201);
    const sent = await eventually(async () => (await sentMessages()).find((m) => m.mail.to && JSON.stringify(m.mail.to).includes("eva@example.se")), "the message");
    const [row] = await outboxOf(reg.body.id);
    expect(row).toMatchObject({ status: "sent" });

    expect(sent.mail.messageId).toBe(`<${row!.id}@plats.test>`);
    // The organisation's name at MAIL_FROM's address.
    expect(sent.mail.from?.value).toEqual([{ name: "Org binding", address: "noreply@plats.test" }]);
    expect(sent.mail.replyTo?.value).toEqual([{ name: "", address: "evenemang@techtank.se" }]);
    expect(sent.mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(sent.mail.text).toContain("Leankonferens");
    const invite = invitePart(sent.raw)!;
    expect(invite.mimeMethod).toBe("REQUEST");
    expect(invite.method).toBe("REQUEST");
    expect(invite.uid).toBe(`${reg.body.id}@plats`);
  });

  it("ends a message the binding refuses for its recipient", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 5 }), auth);
    const reg = await signUp(ev.body.id, "nobody@example.se");
    expect(reg.status).toBe(201);
    const row = await eventually(async () => (await outboxOf(reg.body.id)).find((r) => r.status !== "pending" && r.status !== "sending"), "the outcome");
    expect(row.status).toBe("failed");
    expect(row.last_error).toMatch(/nobody@example\.se not allowed/);
  });
});

/**
 * The simulated binding counts in windows of the clock's whole minutes (miniflare's
 * ratelimit: floor(now / period)), so a test of one window's count must not straddle
 * a minute's turn: with less than 20 s of this minute left, it starts with the next.
 */
async function wholeWindowAhead() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 50));
}

describe("signup rate limit through the Rate Limiting binding", () => {
  it("answers the 31st signup from one address within a minute with 429 and Retry-After", async () => {
    await wholeWindowAhead();
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 100 }), auth);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await signUp(ev.body.id, `rl${i}@example.se`, "203.0.113.7")).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    const res = await fetch(`${w.url}/api/v1/events/${ev.body.id}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.7" },
      body: JSON.stringify({ name: "One too many", email: "rl30@example.se" }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
    expect((await res.json()).error.code).toBe("rate_limited");
    // Another address has its own count.
    expect((await signUp(ev.body.id, "other@example.se", "203.0.113.8")).status).toBe(201);
  });

  it("counts a group on the form by its people: a group of five and 25 more fill the 30", async () => {
    await wholeWindowAhead();
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 100, slug: "rl-people" }), auth);
    expect((await form("rl-people", group("people", 5), "203.0.113.20")).status).toBe(200);
    for (let i = 0; i < 24; i++) expect((await signUp(ev.body.id, `people-api${i}@example.se`, "203.0.113.20")).status).toBe(201);
    expect((await signUp(ev.body.id, "people-api24@example.se", "203.0.113.20")).status).toBe(201);
    // The 27th request, the 31st person: refused, on the form with a page of its own.
    const refused = await form("rl-people", group("late", 1), "203.0.113.20");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.text()).toContain("<h1>För många försök</h1>");
    expect((await signUp(ev.body.id, "people-api25@example.se", "203.0.113.20")).status).toBe(429);
    const [{ n }] = (await d1(w, `SELECT count(*) AS n FROM registrations WHERE event_id = '${ev.body.id}'`)) as [{ n: number }];
    expect(n).toBe(30);
  });

  it("refuses a group past the hourly limit on other people's addresses, counted in D1", async () => {
    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody({ capacity: 100, slug: "rl-others" }), auth);
    expect((await form("rl-others", group("a", 5), "203.0.113.30")).status).toBe(200);
    expect((await form("rl-others", group("b", 5), "203.0.113.30")).status).toBe(200);
    const refused = await form("rl-others", group("c", 2), "203.0.113.30");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    expect(await refused.text()).toContain("Du har anmält många kollegor på kort tid.");
    // Signing oneself up still works, and another address has its own budget.
    expect((await form("rl-others", group("d", 1), "203.0.113.30")).status).toBe(200);
    expect((await form("rl-others", group("e", 3), "203.0.113.31")).status).toBe(200);
    const [{ n }] = (await d1(w, `SELECT count(*) AS n FROM registrations WHERE event_id = '${ev.body.id}'`)) as [{ n: number }];
    expect(n).toBe(14);
  });
});

/** The submitter and `size - 1` colleagues, as the event page's form posts them. */
function group(prefix: string, size: number) {
  const fields: Record<string, string> = {};
  for (let i = 0; i < size; i++) {
    fields[i === 0 ? "firstName" : `attendees.${i}.firstName`] = "Person";
    fields[i === 0 ? "lastName" : `attendees.${i}.lastName`] = `${prefix}${i}`;
    fields[i === 0 ? "email" : `attendees.${i}.email`] = `${prefix}${i}@example.se`;
  }
  return fields;
}
const form = (slug: string, fields: Record<string, string>, ip: string) =>
  fetch(`${w.url}/e/${slug}`, {
    method: "POST",
    headers: { origin: w.url, "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": ip },
    body: new URLSearchParams(formFields(fields)),
  });
