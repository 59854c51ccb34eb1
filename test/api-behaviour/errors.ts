import { beforeAll, describe, expect, it } from "vitest";
import { DAY, eventBody, eventTimes, fromNow, newEvent, person, shift, signUp, type GetTarget } from "./common";

// Invariant 6: bad input gets a clear error in the one shape and changes nothing.
const tables = ["organisations", "api_tokens", "events", "registrations", "manage_tokens", "outbox"];

const big = (n: number) => "x".repeat(n);
type Case = {
  name: string;
  method: string;
  path: () => string;
  body?: unknown;
  token?: string | null | (() => string);
  headers?: Record<string, string>;
  status: number;
  code: string;
  field?: string;
};

/** Every documented refusal, in the one error shape, leaving the database as it was. */
export function errorBehaviour(target: GetTarget) {
  let eventId: string;
  let fullEventId: string;
  let registrationId: string;
  let otherToken: string;
  let otherEventId: string;
  beforeAll(async () => {
    const t = target();
    eventId = (await newEvent(t, { capacity: 5 })).id;
    fullEventId = (await newEvent(t, { capacity: 1, waitlist: false })).id;
    registrationId = (await signUp(t, eventId, person({ email: "taken@example.se" }))).body.id;
    await signUp(t, fullEventId, person());
    otherToken = t.orgs[1]!.token;
    otherEventId = (await newEvent(t, {}, otherToken)).id;
  });

  async function snapshot() {
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) dump[table] = await target().sql(`SELECT * FROM ${table} ORDER BY rowid`);
    return dump;
  }

  // Every documented error, sent over HTTP to the running server.
  const cases: Case[] = [
    // Authentication
    { name: "no token", method: "POST", path: () => "/events", body: eventBody(), token: null, status: 401, code: "unauthorized" },
    { name: "unknown token", method: "POST", path: () => "/events", body: eventBody(), token: "plats_" + big(44), status: 401, code: "unauthorized" },
    { name: "token without prefix", method: "GET", path: () => "/events", token: "abc", status: 401, code: "unauthorized" },
    { name: "basic auth instead of bearer", method: "GET", path: () => "/events", token: null, headers: { authorization: "Basic dXNlcjpwYXNz" }, status: 401, code: "unauthorized" },
    { name: "bearer with junk", method: "GET", path: () => "/events", token: null, headers: { authorization: "Bearer ä ö" }, status: 401, code: "unauthorized" },
    { name: "list registrations without token", method: "GET", path: () => `/events/${eventId}/registrations`, token: null, status: 401, code: "unauthorized" },
    { name: "check-in without token", method: "POST", path: () => `/registrations/${registrationId}/check-in`, token: null, status: 401, code: "unauthorized" },
    { name: "a bad token on a public read", method: "GET", path: () => `/events/${eventId}`, token: "plats_nope", status: 401, code: "unauthorized" },
    // Creating events
    { name: "invalid JSON", method: "POST", path: () => "/events", body: "{\"title\": ", status: 400, code: "invalid_request" },
    { name: "JSON array body", method: "POST", path: () => "/events", body: "[]", status: 400, code: "invalid_request" },
    { name: "JSON null body", method: "POST", path: () => "/events", body: "null", status: 400, code: "invalid_request" },
    { name: "empty object", method: "POST", path: () => "/events", body: {}, status: 400, code: "invalid_request", field: "title" },
    { name: "not JSON content type", method: "POST", path: () => "/events", body: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 400, code: "invalid_request" },
    { name: "title is a number", method: "POST", path: () => "/events", body: eventBody({ title: 5 }), status: 400, code: "invalid_request", field: "title" },
    { name: "title too long", method: "POST", path: () => "/events", body: eventBody({ title: big(201) }), status: 400, code: "invalid_request", field: "title" },
    { name: "blank title", method: "POST", path: () => "/events", body: eventBody({ title: "   " }), status: 400, code: "invalid_request", field: "title" },
    { name: "capacity as string", method: "POST", path: () => "/events", body: eventBody({ capacity: "10" }), status: 400, code: "invalid_request", field: "capacity" },
    { name: "negative capacity", method: "POST", path: () => "/events", body: eventBody({ capacity: -1 }), status: 400, code: "invalid_request", field: "capacity" },
    { name: "fractional capacity", method: "POST", path: () => "/events", body: eventBody({ capacity: 1.5 }), status: 400, code: "invalid_request", field: "capacity" },
    { name: "huge capacity", method: "POST", path: () => "/events", body: eventBody({ capacity: 1e12 }), status: 400, code: "invalid_request", field: "capacity" },
    { name: "start is not a date", method: "POST", path: () => "/events", body: eventBody({ startsAt: "tomorrow" }), status: 400, code: "invalid_request", field: "startsAt" },
    { name: "start without offset", method: "POST", path: () => "/events", body: eventBody({ startsAt: "2027-03-18T08:30:00" }), status: 400, code: "invalid_request", field: "startsAt" },
    { name: "start in year 0", method: "POST", path: () => "/events", body: eventBody({ startsAt: "0000-01-01T00:00:00Z" }), status: 400, code: "invalid_request", field: "startsAt" },
    { name: "start on 30 February", method: "POST", path: () => "/events", body: eventBody({ startsAt: "2027-02-30T08:00:00Z" }), status: 400, code: "invalid_request", field: "startsAt" },
    { name: "end before start", method: "POST", path: () => "/events", body: eventBody({ endsAt: shift(eventTimes.startsAt, -30 * 60_000) }), status: 400, code: "invalid_request", field: "endsAt" },
    { name: "registration closes before it opens", method: "POST", path: () => "/events", body: eventBody({ registrationOpensAt: shift(eventTimes.startsAt, -8 * DAY), registrationClosesAt: shift(eventTimes.startsAt, -17 * DAY) }), status: 400, code: "invalid_request", field: "registrationClosesAt" },
    { name: "unknown time zone", method: "POST", path: () => "/events", body: eventBody({ timezone: "Mars/Olympus_Mons" }), status: 400, code: "invalid_request", field: "timezone" },
    { name: "unknown language", method: "POST", path: () => "/events", body: eventBody({ language: "de" }), status: 400, code: "invalid_request", field: "language" },
    { name: "status cancelled on create", method: "POST", path: () => "/events", body: eventBody({ status: "cancelled" }), status: 400, code: "invalid_request", field: "status" },
    { name: "unknown field", method: "POST", path: () => "/events", body: eventBody({ colour: "red" }), status: 400, code: "invalid_request", field: "colour" },
    { name: "huge description", method: "POST", path: () => "/events", body: eventBody({ description: big(20_001) }), status: 400, code: "invalid_request", field: "description" },
    { name: "javascript: online link", method: "POST", path: () => "/events", body: eventBody({ onlineUrl: "javascript:alert(1)" }), status: 400, code: "invalid_request", field: "onlineUrl" },
    { name: "bad slug", method: "POST", path: () => "/events", body: eventBody({ slug: "Inte OK!" }), status: 400, code: "invalid_request", field: "slug" },
    { name: "select without options", method: "POST", path: () => "/events", body: eventBody({ questions: [{ id: "q", label: "Q", kind: "select" }] }), status: 400, code: "invalid_request", field: "questions.0.options" },
    { name: "duplicate question ids", method: "POST", path: () => "/events", body: eventBody({ questions: [{ id: "q", label: "A", kind: "text" }, { id: "q", label: "B", kind: "text" }] }), status: 400, code: "invalid_request", field: "questions" },
    { name: "unknown question kind", method: "POST", path: () => "/events", body: eventBody({ questions: [{ id: "q", label: "A", kind: "date" }] }), status: 400, code: "invalid_request", field: "questions.0.kind" },
    { name: "body over 64 KiB", method: "POST", path: () => "/events", body: eventBody({ description: big(70_000) }), status: 413, code: "payload_too_large" },
    // Reading and changing events
    { name: "unknown event", method: "GET", path: () => "/events/evt_doesnotexist", status: 404, code: "not_found" },
    { name: "another organisation's event", method: "PATCH", path: () => `/events/${otherEventId}`, body: { title: "Mine now" }, status: 404, code: "not_found" },
    { name: "cancel another organisation's event", method: "POST", path: () => `/events/${otherEventId}/cancel`, status: 404, code: "not_found" },
    { name: "another organisation's attendance list", method: "GET", path: () => `/events/${otherEventId}/registrations`, status: 404, code: "not_found" },
    { name: "empty patch", method: "PATCH", path: () => `/events/${eventId}`, body: {}, status: 400, code: "invalid_request" },
    { name: "patch with wrong type", method: "PATCH", path: () => `/events/${eventId}`, body: { waitlist: "no" }, status: 400, code: "invalid_request", field: "waitlist" },
    { name: "patch end before start", method: "PATCH", path: () => `/events/${eventId}`, body: { endsAt: "2020-01-01T00:00:00Z" }, status: 400, code: "invalid_request", field: "endsAt" },
    { name: "unknown status filter", method: "GET", path: () => `/events/${eventId}/registrations?status=maybe`, status: 400, code: "invalid_request", field: "status" },
    { name: "a page of no rows", method: "GET", path: () => `/events/${eventId}/registrations?limit=0`, status: 400, code: "invalid_request", field: "limit" },
    { name: "a page over 1000 rows", method: "GET", path: () => `/events/${eventId}/registrations?limit=1001`, status: 400, code: "invalid_request", field: "limit" },
    { name: "a limit that is no number", method: "GET", path: () => `/events/${eventId}/registrations?limit=many`, status: 400, code: "invalid_request", field: "limit" },
    { name: "a cursor not made by us", method: "GET", path: () => `/events/${eventId}/registrations?cursor=abc`, status: 400, code: "invalid_request", field: "cursor" },
    // Signing up
    { name: "signup to unknown event", method: "POST", path: () => "/events/evt_nope/registrations", body: person(), token: null, status: 404, code: "not_found" },
    { name: "signup without name", method: "POST", path: () => `/events/${eventId}/registrations`, body: { email: "a@example.se" }, token: null, status: 400, code: "invalid_request", field: "firstName" },
    { name: "signup with a first name alone", method: "POST", path: () => `/events/${eventId}/registrations`, body: { firstName: "Anna", email: "a@example.se" }, token: null, status: 400, code: "invalid_request", field: "lastName" },
    { name: "signup with both forms of name", method: "POST", path: () => `/events/${eventId}/registrations`, body: { name: "Anna Berg", firstName: "Anna", lastName: "Berg", email: "a@example.se" }, token: null, status: 400, code: "invalid_request", field: "firstName" },
    { name: "signup with a first name too long", method: "POST", path: () => `/events/${eventId}/registrations`, body: { firstName: big(101), lastName: "Berg", email: "a@example.se" }, token: null, status: 400, code: "invalid_request", field: "firstName" },
    { name: "signup with bad email", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ email: "not-an-email" }), token: null, status: 400, code: "invalid_request", field: "email" },
    { name: "signup with huge email", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ email: `${big(300)}@example.se` }), token: null, status: 400, code: "invalid_request", field: "email" },
    { name: "signup with name too long", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ name: big(201) }), token: null, status: 400, code: "invalid_request", field: "name" },
    { name: "signup with answers as string", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ answers: "lunch" }), token: null, status: 400, code: "invalid_request", field: "answers" },
    { name: "signup with consent as string", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ consent: "yes" }), token: null, status: 400, code: "invalid_request", field: "consent" },
    { name: "signup with unknown language", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ language: "fr" }), token: null, status: 400, code: "invalid_request", field: "language" },
    { name: "signup with unknown field", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ organization: "typo" }), token: null, status: 400, code: "invalid_request", field: "organization" },
    { name: "signup with answer to no question", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ answers: { nope: "x" } }), token: null, status: 400, code: "invalid_request", field: "answers.nope" },
    { name: "signup with invalid JSON", method: "POST", path: () => `/events/${eventId}/registrations`, body: "{name:", token: null, status: 400, code: "invalid_request" },
    { name: "signup body over 64 KiB", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ answers: { a: big(70_000) } }), token: null, status: 413, code: "payload_too_large" },
    { name: "same email again", method: "POST", path: () => `/events/${eventId}/registrations`, body: person({ email: "taken@example.se" }), token: null, status: 409, code: "already_registered" },
    { name: "full without waitlist", method: "POST", path: () => `/events/${fullEventId}/registrations`, body: person(), token: null, status: 409, code: "event_full" },
    // Check-in and manage links
    { name: "check in an unknown registration", method: "POST", path: () => "/registrations/reg_nope/check-in", status: 404, code: "not_found" },
    { name: "check in another organisation's attendee", method: "POST", path: () => `/registrations/${registrationId}/check-in`, token: () => otherToken, status: 404, code: "not_found" },
    { name: "unknown manage token", method: "GET", path: () => `/manage/${"A".repeat(22)}`, token: null, status: 404, code: "not_found" },
    { name: "cancel with unknown manage token", method: "POST", path: () => `/manage/${"A".repeat(22)}/cancel`, token: null, status: 404, code: "not_found" },
    { name: "unknown route", method: "GET", path: () => "/nothing-here", status: 404, code: "not_found" },
    // The CSV, other content types, empty bodies, undoing a check-in.
    { name: "CSV without token", method: "GET", path: () => `/events/${eventId}/registrations.csv`, token: null, status: 401, code: "unauthorized" },
    { name: "another organisation's CSV", method: "GET", path: () => `/events/${otherEventId}/registrations.csv`, status: 404, code: "not_found" },
    { name: "CSV with an unknown status", method: "GET", path: () => `/events/${eventId}/registrations.csv?status=everyone`, status: 400, code: "invalid_request" },
    { name: "CSV with an unknown separator", method: "GET", path: () => `/events/${eventId}/registrations.csv?sep=tab`, status: 400, code: "invalid_request" },
    { name: "CSV with an unknown parameter", method: "GET", path: () => `/events/${eventId}/registrations.csv?format=xlsx`, status: 400, code: "invalid_request" },
    { name: "signup sent as text/plain", method: "POST", path: () => `/events/${eventId}/registrations`, body: JSON.stringify(person()), headers: { "content-type": "text/plain" }, token: null, status: 400, code: "invalid_request" },
    { name: "signup sent as a form", method: "POST", path: () => `/events/${eventId}/registrations`, body: "name=A&email=a%40example.se", headers: { "content-type": "application/x-www-form-urlencoded" }, token: null, status: 400, code: "invalid_request" },
    { name: "empty JSON body", method: "POST", path: () => `/events/${eventId}/registrations`, body: "", token: null, status: 400, code: "invalid_request" },
    { name: "undo another organisation's check-in", method: "DELETE", path: () => `/registrations/${registrationId}/check-in`, token: () => otherToken, status: 404, code: "not_found" },
    { name: "organisation settings without token", method: "PATCH", path: () => "/organisation", body: { name: "Hijacked" }, token: null, status: 401, code: "unauthorized" },
  ];

  describe("malformed and refused requests", () => {
    it.each(cases)("$name → $status $code, nothing changed", async (c) => {
      const t = target();
      const before = await snapshot();
      const token = typeof c.token === "function" ? c.token() : c.token;
      const headers: Record<string, string> = { ...(c.headers ?? {}) };
      if (token !== null) headers.authorization ??= `Bearer ${token ?? t.orgs[0]!.token}`;
      let body: string | undefined;
      if (c.body !== undefined) {
        headers["content-type"] ??= "application/json";
        body = typeof c.body === "string" ? c.body : JSON.stringify(c.body);
      }
      const res = await t.fetch(`/api/v1${c.path()}`, { method: c.method, headers, body });
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const json = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
      expect(res.status).toBe(c.status);
      expect(Object.keys(json)).toEqual(["error"]);
      expect(json.error.code).toBe(c.code);
      expect(json.error.message.length).toBeGreaterThan(0);
      if (c.field) expect(json.error.fields).toHaveProperty([c.field]);
      if (c.status === 401) expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      const after = await snapshot();
      if (c.code === "already_registered") {
        // A repeated signup queues the manage-link email again; nothing else changes.
        const added = after.outbox!.slice(before.outbox!.length);
        expect(added.map((row) => (row as { kind: string }).kind)).toEqual(["manage_link"]);
        after.outbox = before.outbox!;
      }
      expect(after).toEqual(before);
    });
  });

  describe("a body over 64 KiB without Content-Length", () => {
    it("is refused with 413 payload_too_large while it streams in, and changes nothing", async () => {
      const t = target();
      const before = await snapshot();
      const json = new TextEncoder().encode(JSON.stringify(person({ answers: { a: big(70_000) } })));
      // Sent in chunks (Transfer-Encoding: chunked): the limit cannot trust a declared length.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < json.length; i += 8192) controller.enqueue(json.slice(i, i + 8192));
          controller.close();
        },
      });
      const res = await t.fetch(`/api/v1/events/${eventId}/registrations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { code: "payload_too_large", message: expect.any(String) } });
      expect(await snapshot()).toEqual(before);
      // The refused body must not spoil the connection for whoever comes next.
      const next = await t.api("POST", "/events", eventBody({ title: "Efter en för stor förfrågan" }));
      expect(next.status, JSON.stringify(next.body)).toBe(201);
    });
  });

  describe("field codes beside the words", () => {
    it("names each field's error as a code with its parameters, beside its English words", async () => {
      const t = target();
      const bad = await signUp(t, eventId, { name: big(201), email: "not-an-email", organization: "typo", language: "de" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields).toEqual({
        name: "At most 200 characters.",
        email: "Must be a valid email address.",
        organization: "Unknown field.",
        language: "Must be sv, en or nb.",
      });
      expect(bad.body.error.fieldCodes).toEqual({
        name: { code: "too_long", max: 200 },
        email: { code: "email" },
        organization: { code: "unknown_field" },
        language: { code: "one_of", options: ["sv", "en", "nb"] },
      });
    });

    it("carries the domain's own rules as codes too (answers, consent, the event's times)", async () => {
      const t = target();
      const ev = await newEvent(t, { questions: [{ id: "lunch", label: "Lunch", kind: "select", options: ["Kött", "Fisk"], required: true }] });
      const missing = await signUp(t, ev.id, person());
      expect(missing.body.error).toMatchObject({ fields: { "answers.lunch": "Required." }, fieldCodes: { "answers.lunch": { code: "required" } } });
      const wrong = await signUp(t, ev.id, person({ answers: { lunch: "Soppa", extra: true } }));
      expect(wrong.body.error.fieldCodes).toEqual({ "answers.lunch": { code: "option" }, "answers.extra": { code: "unknown_question" } });
      const backwards = await t.api("POST", "/events", eventBody({ endsAt: "2027-03-18T08:00:00Z" }));
      expect(backwards.body.error.fieldCodes).toEqual({ endsAt: { code: "after_start" } });
      const far = await t.api("POST", "/events", eventBody({ startsAt: "0000-01-01T00:00:00Z", capacity: 1.5 }));
      expect(far.body.error.fieldCodes).toEqual({ startsAt: { code: "year_range", from: 2000, to: 2199 }, capacity: { code: "whole_number" } });
    });

    it("refuses a name that hides how it reads (direction controls, invisible marks), keeping every script", async () => {
      const t = target();
      const eventId = (await newEvent(t, { capacity: 10 })).id;
      for (const name of ["Anna\u202Enosrevlä", "\u2066Bo\u2069 Ek", "\u200B", "E\uFEFFva", "\u3164", "Sara\u200FLind"]) {
        const res = await signUp(t, eventId, person({ name }));
        expect(res.status, JSON.stringify(name)).toBe(400);
        expect(res.body.error.fieldCodes).toEqual({ name: { code: "name_characters" } });
        expect(res.body.error.fields.name).toBe("Must not contain characters that change its direction or cannot be seen.");
      }
      // Arabic, Persian with its zero-width non-joiner, Chinese, Devanagari with a joiner, Sámi.
      for (const name of ["ليلى حداد", "نیلوفر می\u200Cخواهم", "王小明", "क्\u200Dष", "Áilu Gaup"]) {
        const res = await signUp(t, eventId, person({ name }));
        expect(res.status, name).toBe(201);
        expect(res.body.status).toBeDefined();
      }
    });

    it("is left out, with fields, when a refusal is not about fields", async () => {
      const t = target();
      const res = await signUp(t, fullEventId, person());
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: { code: "event_full", message: "The event is full and has no waitlist." } });
    });
  });

  describe("registration_closed", () => {
    it("is 409 with the one error shape for an event that has started", async () => {
      const t = target();
      const ev = await newEvent(t, { startsAt: fromNow(-DAY), endsAt: fromNow(DAY) });
      const res = await signUp(t, ev.id, person());
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ error: { code: "registration_closed", message: expect.any(String) } });
    });
  });
}
