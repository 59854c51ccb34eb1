import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, formFields, harness, PUBLIC_URL, type Harness } from "./helpers/harness";

// Bodies and row layouts a real browser rarely sends, but a client can: each gets a clear
// answer beside the right field, never a 500.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  h.app.request(path, { method: "POST", body, headers: { origin: PUBLIC_URL, ...headers } });
const form = (fields: Record<string, string>) => new URLSearchParams(formFields(fields));
const registrations = async (id: string) => (await h.api("GET", `/events/${id}/registrations`)).body.registrations as unknown[];

describe("form bodies", () => {
  it("answers a multipart body without its boundary like an empty form (400), on the event and manage pages", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "edge-multipart" }))).body;
    const broken = { "content-type": "multipart/form-data" };
    const res = await post("/e/edge-multipart", "--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nA\r\n--x--", broken);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('id="f-firstName-error"');
    expect(await registrations(ev.id)).toEqual([]);

    const signup = await h.api("POST", `/events/${ev.id}/registrations`, { name: "Kim", email: "kim@example.se" }, { token: null });
    const token = signup.body.manageUrl.split("/r/")[1];
    const update = await post(`/r/${token}`, "garbage", broken);
    expect(update.status).toBe(400);
    expect((await h.api("GET", `/manage/${token}`, undefined, { token: null })).body.name).toBe("Kim");
  });

  it("reads a proper multipart form", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "edge-multipart-ok" }))).body;
    const body = new FormData();
    body.set("firstName", "Lo");
    body.set("lastName", "Multipart");
    body.set("email", "lo@example.se");
    const res = await post("/e/edge-multipart-ok", body);
    expect(res.status).toBe(303);
    expect(await registrations(ev.id)).toHaveLength(1);
  });

  it("answers a form body over 64 KiB with a 413 page and stores nothing", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "edge-too-large" }))).body;
    const res = await post("/e/edge-too-large", form({ name: "Stor", email: "stor@example.se", phone: "x".repeat(70_000) }), {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("för stort");
    expect(await registrations(ev.id)).toEqual([]);
  });
});

describe("colleague rows with gaps", () => {
  it("puts each error beside the row it belongs to, whichever rows are used", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "edge-rows" }))).body;
    // Row 1 left empty, row 2 with a bad email, row 3 fine.
    const res = await post(
      "/e/edge-rows",
      form({
        name: "Mia Main",
        email: "mia@example.se",
        "attendees.2.name": "Nils Two",
        "attendees.2.email": "not-an-email",
        "attendees.3.name": "Olle Three",
        "attendees.3.email": "olle@example.se",
      }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="f-attendees-2-email-error"');
    expect(html).not.toContain('id="f-attendees-3-email-error"');
    expect(html).not.toContain('id="f-email-error"');
    expect(html).not.toContain('id="f-name-error"');
    expect(await registrations(ev.id)).toEqual([]);
  });

  it("names the right row when only an email is given in a later row", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "edge-rows-name" }))).body;
    const res = await post("/e/edge-rows-name", form({ name: "Pia Main", email: "pia@example.se", "attendees.2.email": "rut@example.se" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="f-attendees-2-firstName-error"');
    expect(html).toContain('id="f-attendees-2-lastName-error"');
    expect(html).not.toContain('id="f-firstName-error"');
    expect(await registrations(ev.id)).toEqual([]);
  });

  it("maps the service's duplicate-email error back to the row it came from", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ slug: "edge-rows-dup" }))).body;
    const res = await post(
      "/e/edge-rows-dup",
      form({ name: "Sam Main", email: "sam@example.se", "attendees.3.name": "Sam Again", "attendees.3.email": "SAM@example.se" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="f-attendees-3-email-error"');
    expect(html).toContain("Samma e-postadress finns två gånger");
    expect(await registrations(ev.id)).toEqual([]);
  });
});

describe("embed origins", () => {
  it("refuses a host that could break the frame-ancestors header", async () => {
    for (const origin of ["https://a;b.example", "https://a,b.example", "https://exa mple.se"]) {
      const res = await h.api("PATCH", "/organisation", { embedOrigins: [origin] });
      expect(res.status, origin).toBe(400);
      expect(res.body.error.fields).toHaveProperty("embedOrigins.0");
    }
    expect((await h.api("GET", "/organisation")).body.embedOrigins).toEqual([]);
  });
});
