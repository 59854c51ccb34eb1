import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../src/db/schema";
import { dispatchOutbox } from "../src/mail/dispatcher";
import type { Mailer, OutgoingMail } from "../src/mail/mailer";
import { searchTextDrift } from "./helpers/db";
import { PUBLIC_URL, eventBody, formFields, harness, person, type Harness } from "./helpers/harness";

// /r/:token: the registrant's own page, reached by the link in their emails.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

let slugs = 0;
const newEvent = async (overrides: Record<string, unknown> = {}) => {
  const slug = `web-manage-${++slugs}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await h.api("POST", "/events", eventBody({ slug, ...overrides }));
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; title: string };
};
/** Signs up through the form and reads the manage link from the result page. */
const signUp = async (slug: string, fields: Record<string, string>) => {
  const posted = await submit(`/e/${slug}`, fields);
  expect(posted.status).toBe(303);
  const res = await h.app.request(posted.headers.get("location")!);
  const token = /href="https:\/\/plats\.test\/r\/([A-Za-z0-9_-]{22})"/.exec(await res.text())?.[1];
  expect(token).toBeDefined();
  return token!;
};
const submit = (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(formFields(fields))) for (const one of [v].flat()) body.append(k, one);
  return h.app.request(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL },
    body: body.toString(),
  });
};
const get = (path: string) => h.app.request(path);
const managed = async (token: string) => (await h.api("GET", `/manage/${token}`, undefined, { token: null })).body;
const listOf = async (eventId: string) =>
  (await h.api("GET", `/events/${eventId}/registrations`)).body.registrations as { id: string; name: string; email: string; status: string }[];

describe("the manage page", () => {
  it("shows its own registration and nobody else's", async () => {
    const ev = await newEvent();
    const a = await signUp(ev.slug, { name: "Alva Andersson", email: "alva@example.se", organisation: "Alvas AB" });
    await signUp(ev.slug, { name: "Bertil Bengtsson", email: "bertil@example.se" });
    const res = await get(`/r/${a}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Din anmälan: Leankonferens Blekinge 2027");
    expect(html).toContain("Du har en plats.");
    expect(html).toMatch(/<input[^>]*id="f-firstName"[^>]*value="Alva"/);
    expect(html).toMatch(/<input[^>]*id="f-lastName"[^>]*value="Andersson"/);
    expect(html).toContain("alva@example.se");
    expect(html).toContain('value="Alvas AB"');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain("Bertil");
    expect(html).not.toContain("bertil@example.se");
  });

  it("answers a wrong or malformed token with a 404 page", async () => {
    const ev = await newEvent();
    const token = await signUp(ev.slug, person() as Record<string, string>);
    const wrong = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const path of [`/r/${wrong}`, "/r/short", `/r/${token}x`, `/r/${wrong}/cancel`, `/r/${wrong}/data.json`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(await res.text()).toContain("<h1>Sidan finns inte</h1>");
    }
    expect((await submit(`/r/${wrong}`, { name: "Intruder" })).status).toBe(404);
    expect((await submit(`/r/${wrong}/delete`, {})).status).toBe(404);
  });

  it("saves changed details and answers, then shows that they were saved", async () => {
    const ev = await newEvent({
      questions: [
        { id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Vegetariskt"] },
        { id: "topics", label: "Ämnen", kind: "multiselect", options: ["5S", "Kaizen", "TPM"] },
        { id: "invoice", label: "Faktura", kind: "checkbox" },
      ],
    });
    const token = await signUp(ev.slug, { name: "Cecilia Carlsson", email: "cecilia@example.se", "answers.lunch": "Kött" });
    const res = await submit(`/r/${token}`, {
      name: "Cecilia Karlsson",
      organisation: "Ny Org AB",
      "answers.lunch": "Vegetariskt",
      "answers.topics": ["5S", "TPM"],
      "answers.invoice": "yes",
      language: "en",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/r/${token}?lang=en&done=saved`);
    expect(await managed(token)).toMatchObject({
      name: "Cecilia Karlsson",
      email: "cecilia@example.se",
      organisation: "Ny Org AB",
      language: "en",
      answers: { lunch: "Vegetariskt", topics: ["5S", "TPM"], invoice: true },
    });
    const after = await (await get(res.headers.get("location")!)).text();
    expect(after).toContain("Your changes have been saved.");
    expect(after).toMatch(/<input[^>]*id="f-firstName"[^>]*value="Cecilia"/);
    expect(after).toMatch(/<input[^>]*id="f-lastName"[^>]*value="Karlsson"/);
    // What the attendance list searches is rewritten with the new name and organisation.
    expect(await searchTextDrift(h.database.db)).toEqual([]);
  });

  it("refuses an invalid change with the error beside the field and changes nothing", async () => {
    const ev = await newEvent();
    const token = await signUp(ev.slug, { name: "Dag Dahl", email: "dag@example.se", organisation: "Dags AB" });
    const before = await managed(token);
    const res = await submit(`/r/${token}`, { name: "  ", organisation: "Annan AB" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('class="error-summary"');
    expect(html).toMatch(/<p class="field-error" id="f-firstName-error">Fyll i det här fältet.<\/p>/);
    expect(html).toContain('value="Annan AB"');
    expect(await managed(token)).toEqual(before);
  });
});

describe("cancelling", () => {
  it("confirms first, then cancels and gives the seat to the first on the waitlist", async () => {
    const ev = await newEvent({ capacity: 1 });
    const first = await signUp(ev.slug, { name: "Erik Först", email: "erik@example.se" });
    const second = await signUp(ev.slug, { name: "Fia Sen", email: "fia@example.se" });
    expect((await managed(second)).status).toBe("waitlisted");

    const confirm = await get(`/r/${first}/cancel`);
    expect(confirm.status).toBe(200);
    const form = await confirm.text();
    expect(form).toContain("<h1>Vill du avboka?</h1>");
    expect(form).toContain(`<form method="post" action="/r/${first}/cancel?lang=sv"`);
    expect((await managed(first)).status).toBe("confirmed");

    const res = await submit(`/r/${first}/cancel?lang=sv`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/r/${first}?lang=sv&done=cancelled`);
    expect((await managed(first)).status).toBe("cancelled");
    expect(await managed(second)).toMatchObject({ status: "confirmed", position: null });
    const page = await (await get(res.headers.get("location")!)).text();
    expect(page).toContain("Din anmälan är avbokad.");
  });

  it("answers 409 once the event has started and changes nothing", async () => {
    const ev = await newEvent({ startsAt: "2026-11-22T08:00:00Z", endsAt: "2026-11-22T16:00:00Z" });
    const token = await signUp(ev.slug, { name: "Gun Sen", email: "gun@example.se" });
    const before = await managed(token);
    h.clock.set("2026-11-22T09:00:00Z");
    try {
      expect(await (await get(`/r/${token}`)).text()).not.toContain(`href="/r/${token}/cancel?lang=sv"`);
      const res = await submit(`/r/${token}/cancel`, {});
      expect(res.status).toBe(409);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("Evenemanget har börjat.");
      expect(await managed(token)).toEqual(before);
    } finally {
      h.clock.set("2026-11-21T09:00:00Z");
    }
  });

  // The refused cancel shows the page again: its details form must hold what is stored,
  // or "Save" would wipe it.
  it("the 409 page of a too-late cancel keeps the stored details in the form", async () => {
    const ev = await newEvent({ startsAt: "2026-11-22T08:00:00Z", endsAt: "2026-11-22T16:00:00Z" });
    const token = await signUp(ev.slug, { name: "Hans Sen", email: "hans@example.se", organisation: "Hans AB" });
    h.clock.set("2026-11-22T09:00:00Z");
    try {
      const res = await submit(`/r/${token}/cancel`, {});
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toMatch(/<input[^>]*id="f-firstName"[^>]*value="Hans"/);
      expect(html).toMatch(/<input[^>]*id="f-lastName"[^>]*value="Sen"/);
      expect(html).toContain('value="Hans AB"');
      expect(html).toMatch(/<option value="sv" selected=""/);
      expect(html).toMatch(/role="alert">Evenemanget har börjat/);
      expect(html).not.toContain("error-summary");
    } finally {
      h.clock.set("2026-11-21T09:00:00Z");
    }
  });
});

describe("my data", () => {
  it("downloads the registration, its event and its emails as a JSON attachment", async () => {
    const ev = await newEvent();
    const token = await signUp(ev.slug, { name: "Hugo Data", email: "hugo@example.se", phone: "0701234567" });
    const res = await get(`/r/${token}/data.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="plats-registration.json"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const data = (await res.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(data.registration).toMatchObject({ name: "Hugo Data", email: "hugo@example.se", phone: "0701234567", status: "confirmed" });
    expect(data.event).toMatchObject({ title: ev.title, url: `${PUBLIC_URL}/e/${ev.slug}` });
    expect(data.emails).toEqual([expect.objectContaining({ kind: "confirmed", to: "hugo@example.se", status: "pending" })]);
    expect(JSON.stringify(data)).not.toContain(token);
  });

  it("erases the registration, its links and its emails, and gives the seat to the waitlist", async () => {
    const ev = await newEvent({ capacity: 1 });
    const gone = await signUp(ev.slug, { name: "Ida Raderas", email: "ida@example.se" });
    const next = await signUp(ev.slug, { name: "Jon Väntar", email: "jon@example.se" });
    const id = (await managed(gone)).id as string;
    expect(await h.database.db.select().from(outbox).where(eq(outbox.registrationId, id))).toHaveLength(1);

    const confirm = await get(`/r/${gone}/delete`);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain(`action="/r/${gone}/delete?lang=sv"`);
    const res = await submit(`/r/${gone}/delete?lang=sv`, {});
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Dina uppgifter är raderade");

    const list = await listOf(ev.id);
    expect(list.map((r) => [r.name, r.status])).toEqual([["Jon Väntar", "confirmed"]]);
    expect((await get(`/r/${gone}`)).status).toBe(404);
    expect((await h.api("GET", `/manage/${gone}`, undefined, { token: null })).status).toBe(404);
    expect(await h.database.db.select().from(outbox).where(eq(outbox.registrationId, id))).toEqual([]);
    const nextId = (await managed(next)).id as string;
    expect((await managed(next)).status).toBe("confirmed");
    const told = await h.database.db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.registrationId, nextId));
    expect(told.map((r) => r.kind)).toEqual(["waitlisted", "promoted"]);
  });
});

describe("the personal calendar file", () => {
  it("has the invite's UID for a confirmed registrant and is refused while waitlisted", async () => {
    const ev = await newEvent({ capacity: 1 });
    const seat = await signUp(ev.slug, { name: "Kalle Kalender", email: "kalle@example.se" });
    const waiting = await signUp(ev.slug, { name: "Lisa Väntar", email: "lisa@example.se" });
    const id = (await managed(seat)).id as string;

    const sent: OutgoingMail[] = [];
    const mailer: Mailer = { send: async (mail) => (sent.push(mail), { ok: true }) };
    await dispatchOutbox({ ctx: h.ctx, mailer, settings: { from: "Plats <noreply@plats.test>" } });
    const invite = sent.find((m) => m.to.address === "kalle@example.se")?.calendar?.content ?? "";
    const inviteUid = /^UID:(.*)$/m.exec(invite)?.[1]?.trim();
    expect(inviteUid).toBe(`${id}@plats`);

    const res = await get(`/r/${seat}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    expect(/^UID:(.*)$/m.exec(ics)?.[1]?.trim()).toBe(inviteUid);
    expect(ics).toContain("BEGIN:VEVENT");

    expect((await get(`/r/${waiting}/calendar.ics`)).status).toBe(409);
  });
});
