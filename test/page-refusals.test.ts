import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adminError } from "../src/http/web/admin/errors";
import { webError } from "../src/http/web/pages/errorPage";
import { AppError } from "../src/lib/errors";
import { pageMessages, pageRefusal } from "../src/i18n/pages";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { PUBLIC_URL, eventBody, person } from "./helpers/harness";

// A refusal the domain makes (400, 403, 404, 409) is a page with that status on the
// attendee side and in the workspace, never a logged 500; only the unexpected is logged.
let logged: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  logged = vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => logged.mockClear());
afterAll(() => logged.mockRestore());

const refusals = [
  new AppError("invalid_request", {}, { name: { code: "required" } }),
  new AppError("bad_request"),
  new AppError("role_not_allowed"),
  new AppError("cross_site"),
  new AppError("event_not_found"),
  new AppError("registration_cancelled"),
  new AppError("not_waitlisted", { name: "Anna Berg" }),
  new AppError("payload_too_large", { kib: 64 }),
  new AppError("rate_limited"),
];

/** A bare app whose one route throws `err`, answered by `onError`. */
const throwing = (onError: typeof webError, err: Error) => new Hono().get("/x", () => Promise.reject(err)).onError(onError);

describe.each([
  ["attendee pages", webError],
  ["workspace", adminError as typeof webError],
])("the %s' onError", (_, onError) => {
  it.each(refusals.map((err) => [err.code, err] as const))("answers %s with its own 4xx page and logs nothing", async (_code, err) => {
    const res = await throwing(onError, err).request("/x");
    expect(res.status).toBe(err.status);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/<h1>[^<]+<\/h1>/);
    expect(logged).not.toHaveBeenCalled();
  });

  it("answers Hono's own refusals (a refused form, a malformed body) with a 4xx page", async () => {
    for (const status of [400, 403, 404] as const) {
      const res = await throwing(onError, new HTTPException(status)).request("/x");
      expect(res.status).toBe(status);
    }
    expect(logged).not.toHaveBeenCalled();
  });

  it("logs the unexpected once, under the id the 500 page names", async () => {
    const res = await throwing(onError, new Error("database on fire")).request("/x");
    expect(res.status).toBe(500);
    expect(logged).toHaveBeenCalledTimes(1);
    const id = /^\[([0-9a-f-]{36})\]/.exec(String(logged.mock.calls[0]![0]))?.[1];
    expect(id).toBeDefined();
    expect(await res.text()).toContain(id!);
  });
});

describe("refusals through the real app", () => {
  let h: AdminHarness;
  let organiser: SignedIn;
  beforeAll(async () => {
    h = await adminHarness();
    organiser = await h.signedIn("organiser");
  });
  afterAll(() => h.close());

  it("a calendar link to an event or organisation that is not there is a 404 page in a browser, the error shape elsewhere", async () => {
    for (const path of ["/e/no-such-event/calendar.ics", "/o/no-such-org/calendar.ics"]) {
      const res = await h.app.request(path, { headers: { "accept-language": "sv", accept: "text/html,application/xhtml+xml" } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(await res.text(), path).toContain('<html lang="sv"');
      const script = await h.app.request(path);
      expect(script.status, path).toBe(404);
      expect((await script.json()).error.code, path).toMatch(/not_found/);
    }
    expect(logged).not.toHaveBeenCalled();
  });

  it("a waitlisted registrant's calendar file is a 409 page in their language, not a 500", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ capacity: 0, language: "nb" }))).body;
    const signup = await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null });
    expect(signup.body.status).toBe("waitlisted");
    const token = signup.body.manageUrl.split("/r/")[1];
    const res = await h.app.request(`/r/${token}/calendar.ics?lang=nb`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Kalenderoppføringen får du når du har fått plass.");
    expect(logged).not.toHaveBeenCalled();
  });

  it("changing a cancelled registration is a 409 page saying so", async () => {
    const ev = (await h.api("POST", "/events", eventBody())).body;
    const signup = await h.api("POST", `/events/${ev.id}/registrations`, person(), { token: null });
    const token = signup.body.manageUrl.split("/r/")[1];
    await h.api("POST", `/manage/${token}/cancel`, undefined, { token: null });
    const res = await h.app.request(`/r/${token}?lang=sv`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL },
      body: new URLSearchParams({ firstName: "Ny", lastName: "Namn" }).toString(),
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Din anmälan är avbokad och går inte att ändra.");
    expect(logged).not.toHaveBeenCalled();
  });

  it("changing a registration of a cancelled event is a 409 page saying so, and changes nothing", async () => {
    const ev = (await h.api("POST", "/events", eventBody())).body;
    const signup = await h.api("POST", `/events/${ev.id}/registrations`, person({ name: "Gammal Namn" }), { token: null });
    const token = signup.body.manageUrl.split("/r/")[1];
    await h.api("POST", `/events/${ev.id}/cancel`, {});
    const res = await h.app.request(`/r/${token}?lang=sv`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL },
      body: new URLSearchParams({ firstName: "Ny", lastName: "Namn" }).toString(),
    });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(pageRefusal(pageMessages("sv"), new AppError("event_cancelled"), "sv").text);
    expect((await h.api("GET", `/manage/${token}`, undefined, { token: null })).body.name).toBe("Gammal Namn");
    expect(logged).not.toHaveBeenCalled();
  });

  it("an event page says why its form is not offered, from the refusal a signup would get", async () => {
    const full = (await h.api("POST", "/events", eventBody({ capacity: 1, waitlist: false }))).body;
    await h.api("POST", `/events/${full.id}/registrations`, person(), { token: null });
    const fullPage = await (await h.app.request(`/e/${full.slug}`)).text();
    expect(fullPage).toContain('<p class="notice">Fullbokat</p>');
    const cancelled = (await h.api("POST", "/events", eventBody())).body;
    await h.api("POST", `/events/${cancelled.id}/cancel`);
    const cancelledPage = await (await h.app.request(`/e/${cancelled.slug}?lang=nb`)).text();
    expect(cancelledPage).toContain('<p class="notice">Arrangementet er avlyst.</p>');
    const later = (await h.api("POST", "/events", eventBody({ registrationOpensAt: "2027-03-01T08:00:00Z" }))).body;
    expect(await (await h.app.request(`/e/${later.slug}?lang=en`)).text()).toContain("Registration opens");
  });

  it("editing a cancelled event in the workspace is a 409 page with the domain's reason", async () => {
    const ev = (await h.api("POST", "/events", eventBody())).body;
    await h.api("POST", `/events/${ev.id}/cancel`);
    const page = await organiser.request(`/admin/events/${ev.id}/edit`);
    expect(page.status).toBe(409);
    expect(page.text).toContain("A cancelled event cannot be changed. Duplicate it to hold it again.");
    const saved = await organiser.request(`/admin/events/${ev.id}/edit`, { form: { title: "Ändrad" } });
    expect(saved.status).toBe(409);
    const script = await organiser.request(`/admin/events/${ev.id}/edit`, { headers: { accept: "application/json" } });
    expect(JSON.parse(script.text)).toEqual({ error: { code: "event_cancelled", message: "A cancelled event cannot be changed. Duplicate it to hold it again." } });
    expect(logged).not.toHaveBeenCalled();
  });
});
