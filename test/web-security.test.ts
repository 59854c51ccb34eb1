import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_URL, eventBody, formFields, harness, person, type Harness } from "./helpers/harness";
import { assetUrl } from "../src/http/web/assets";

// The attendee pages against abuse: bots, forged forms, floods, injected markup, framing.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

let slugs = 0;
const newEvent = async (on: Harness, overrides: Record<string, unknown> = {}, token?: string) => {
  const slug = `web-security-${++slugs}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await on.api("POST", "/events", eventBody({ slug, ...overrides }), token ? { token } : {});
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string };
};
type Fields = Record<string, string | string[]>;
/** A form POST; a header given as null is left out. */
const submit = (on: Harness, path: string, fields: Fields, headers: Record<string, string | null> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(formFields(fields))) for (const one of [v].flat()) body.append(k, one);
  const all: Record<string, string | null> = { "content-type": "application/x-www-form-urlencoded", origin: PUBLIC_URL, ...headers };
  const sent = Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
  return on.app.request(path, { method: "POST", headers: sent, body: body.toString() });
};
const names = async (on: Harness, eventId: string, token?: string) =>
  ((await on.api("GET", `/events/${eventId}/registrations`, undefined, token ? { token } : {})).body.registrations as { name: string }[]).map((r) => r.name);
const csp = (res: Response) =>
  Object.fromEntries(
    (res.headers.get("content-security-policy") ?? "").split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
/** The result page a successful signup redirects to (Post/Redirect/Get). */
const followed = (on: Harness, res: Response) => {
  expect(res.status).toBe(303);
  return on.app.request(res.headers.get("location")!);
};
const tokenIn = (html: string) => /href="https:\/\/plats\.test\/r\/([A-Za-z0-9_-]{22})"/.exec(html)?.[1];

describe("abuse", () => {
  it("refuses a form whose honeypot is filled in and stores nothing", async () => {
    const ev = await newEvent(h);
    const res = await submit(h, `/e/${ev.slug}`, { ...(person({ name: "Bot Botsson" }) as Fields), website_url: "https://spam.example" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Formuläret verkar ha fyllts i automatiskt");
    expect(await names(h, ev.id)).toEqual([]);
  });

  it("refuses cross-site form posts with a 403 page and accepts a same-origin post without Origin", async () => {
    const ev = await newEvent(h);
    const forged: Record<string, string | null>[] = [
      { origin: "https://evil.example" },
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://plats.test.evil.example" },
      { origin: null },
      { origin: null, "sec-fetch-site": "same-site" },
    ];
    for (const headers of forged) {
      const res = await submit(h, `/e/${ev.slug}`, person({ name: "Forged Person" }) as Fields, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("<h1>Formuläret kunde inte skickas</h1>");
    }
    expect(await names(h, ev.id)).toEqual([]);

    const ok = await submit(h, `/e/${ev.slug}`, person({ name: "Same Origin" }) as Fields, { origin: null, "sec-fetch-site": "same-origin" });
    const token = tokenIn(await (await followed(h, ok)).text())!;
    expect(await names(h, ev.id)).toEqual(["Same Origin"]);

    // The manage page's forms are guarded the same way.
    const cancel = await submit(h, `/r/${token}/cancel`, {}, { origin: "https://evil.example" });
    expect(cancel.status).toBe(403);
    const rename = await submit(h, `/r/${token}`, { name: "Renamed" }, { origin: "https://evil.example" });
    expect(rename.status).toBe(403);
    const managed = await h.api("GET", `/manage/${token}`, undefined, { token: null });
    expect(managed.body).toMatchObject({ name: "Same Origin", status: "confirmed" });
  });

  it("limits submissions per address with a 429 page, sharing the budget with the API", async () => {
    const limited = await harness({ signupRateLimit: { limit: 2, windowMs: 60_000 } });
    try {
      const ev = await newEvent(limited);
      const form = (ip: string) => submit(limited, `/e/${ev.slug}`, person() as Fields, { "x-test-ip": ip });
      const api = (ip: string) => limited.api("POST", `/events/${ev.id}/registrations`, person(), { token: null, ip });
      expect((await form("198.51.100.1")).status).toBe(303);
      expect((await form("198.51.100.1")).status).toBe(303);
      const refused = await form("198.51.100.1");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await refused.text()).toContain("<h1>För många försök</h1>");
      const viaApi = await api("198.51.100.1");
      expect(viaApi.status).toBe(429);
      expect(viaApi.body.error.code).toBe("rate_limited");

      expect((await api("198.51.100.2")).status).toBe(201);
      expect((await api("198.51.100.2")).status).toBe(201);
      expect((await form("198.51.100.2")).status).toBe(429);
      expect((await form("198.51.100.3")).status).toBe(303);
      expect(await names(limited, ev.id)).toHaveLength(5);
    } finally {
      limited.close();
    }
  });

  it("checks the Turnstile token when Turnstile is configured", async () => {
    const seen: [string, string | undefined][] = [];
    const verify = async (token: string, ip: string | undefined) => (seen.push([token, ip]), token === "good");
    const guarded = await harness({ turnstile: { siteKey: "test-site-key", verify } });
    try {
      const ev = await newEvent(guarded);
      const page = await guarded.app.request(`/e/${ev.slug}`);
      expect(await page.text()).toContain('data-sitekey="test-site-key"');
      const policy = csp(page);
      expect(policy["script-src"]).toContain("https://challenges.cloudflare.com");
      expect(policy["frame-src"]).toContain("https://challenges.cloudflare.com");

      for (const token of ["bad", ""]) {
        const res = await submit(guarded, `/e/${ev.slug}`, { ...(person() as Fields), "cf-turnstile-response": token });
        expect(res.status).toBe(400);
        expect(await res.text()).toContain("Vi kunde inte bekräfta att du är en människa.");
      }
      expect(await names(guarded, ev.id)).toEqual([]);
      const ok = await submit(guarded, `/e/${ev.slug}`, { ...(person({ name: "Real Human" }) as Fields), "cf-turnstile-response": "good" }, { "x-test-ip": "203.0.113.9" });
      expect(ok.status).toBe(303);
      expect(await names(guarded, ev.id)).toEqual(["Real Human"]);
      expect(seen.at(-1)).toEqual(["good", "203.0.113.9"]);
    } finally {
      guarded.close();
    }
  });
});

describe("escaping", () => {
  const XSS = "<script>alert(1)</script>";
  const ATTR = '"><img src=x onerror=alert(1)>';
  const evil = `${XSS} ${ATTR}`;
  const safe = (html: string, where: string) => {
    expect(html, where).not.toContain(XSS);
    expect(html, where).not.toContain("<img src=x");
    expect(html, where).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  };

  it("never lets event or attendee text become markup", async () => {
    const ev = await newEvent(h, {
      title: `Evil ${evil}`,
      description: `${XSS}\n${ATTR}`,
      venue: evil,
      address: evil,
      questions: [
        { id: "evil", label: evil, kind: "select", options: [XSS, ATTR] },
        { id: "many", label: "Many", kind: "multiselect", options: [XSS, "Plain"] },
        { id: "note", label: "Note", kind: "text" },
      ],
    });
    safe(await (await h.app.request("/")).text(), "home");
    safe(await (await h.app.request(`/e/${ev.slug}`)).text(), "event page");

    const fields = {
      name: evil,
      email: "evil@example.se",
      organisation: evil,
      "answers.evil": ATTR,
      "answers.many": [XSS],
      "answers.note": evil,
      "attendees.1.name": evil,
      "attendees.1.email": "evil.colleague@example.se",
      "attendees.1.answers.note": evil,
    };
    const invalid = await submit(h, `/e/${ev.slug}`, { ...fields, email: `${XSS}@x` });
    expect(invalid.status).toBe(400);
    safe(await invalid.text(), "form shown again");

    const result = await followed(h, await submit(h, `/e/${ev.slug}`, fields));
    expect(result.status).toBe(200);
    const resultHtml = await result.text();
    safe(resultHtml, "result page");
    const token = tokenIn(resultHtml)!;
    const manage = await (await h.app.request(`/r/${token}`)).text();
    safe(manage, "manage page");
    expect(manage).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" selected=""');
    safe(await (await h.app.request(`/r/${token}/cancel`)).text(), "cancel step");
    const saved = await h.api("GET", `/manage/${token}`, undefined, { token: null });
    expect(saved.body).toMatchObject({ name: evil, organisation: evil, answers: { evil: ATTR, many: [XSS], note: evil } });
  });
});

describe("headers", () => {
  it("forbids framing and referrers on every page", async () => {
    const ev = await newEvent(h);
    const done = await submit(h, `/e/${ev.slug}`, person() as Fields);
    const token = tokenIn(await (await followed(h, done)).text())!;
    for (const path of ["/", `/e/${ev.slug}`, `/r/${token}`, `/r/${token}/cancel`]) {
      const res = await h.app.request(path);
      expect(res.status, path).toBe(200);
      const policy = csp(res);
      expect(policy["frame-ancestors"], path).toBe("'none'");
      expect(policy["default-src"], path).toBe("'none'");
      expect(policy["script-src"], path).toBe("'self'");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    expect(csp(done)["frame-ancestors"]).toBe("'none'");
  });

  it("lets an embedded form be framed by the organisation's listed origins only", async () => {
    const org = await h.otherOrg();
    const patch = await h.api("PATCH", "/organisation", { embedOrigins: ["https://www.techtank.se"] }, { token: org.token });
    expect(patch.status).toBe(200);
    const ev = await newEvent(h, {}, org.token);
    const embedded = await h.app.request(`/e/${ev.slug}?embed=1`);
    expect(embedded.status).toBe(200);
    expect(csp(embedded)["frame-ancestors"]).toBe("https://www.techtank.se");
    const html = await embedded.text();
    expect(html).not.toContain('<header class="site"');
    expect(html).toContain(`<script src="${assetUrl["frame.js"]}"`);
    expect(html).toContain(`action="/e/${ev.slug}?lang=sv&amp;embed=1"`);

    const plain = await h.app.request(`/e/${ev.slug}`);
    expect(csp(plain)["frame-ancestors"]).toBe("'none'");
    expect(await plain.text()).toContain('<header class="site"');
    const notListed = await newEvent(h);
    expect(csp(await h.app.request(`/e/${notListed.slug}?embed=1`))["frame-ancestors"]).toBe("'none'");
  });

  // Error pages can come before the pages' header middleware runs; they carry the rules too.
  it("error pages (unknown event or address, refused form) may not be framed either", async () => {
    const ev = await newEvent(h);
    const pages: [string, Response][] = [
      ["/e/unknown", await h.app.request("/e/unknown")],
      ["/e/unknown?embed=1", await h.app.request("/e/unknown?embed=1")],
      ["/nothing-here", await h.app.request("/nothing-here")],
      ["cross-site form", await submit(h, `/e/${ev.slug}`, person() as Fields, { origin: "https://evil.example" })],
    ];
    for (const [label, res] of pages) {
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(csp(res)["frame-ancestors"], label).toBe("'none'");
      expect(res.headers.get("referrer-policy"), label).toBe("no-referrer");
    }
  });

  it("serves the stylesheet and scripts with their content types", async () => {
    const css = await h.app.request("/assets/plats.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain(":root");
    const embed = await h.app.request("/assets/embed.js");
    expect(embed.status).toBe(200);
    expect(embed.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await embed.text()).toContain(JSON.stringify(PUBLIC_URL));
    const frame = await h.app.request("/assets/frame.js");
    expect(frame.status).toBe(200);
    expect(frame.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  });
});

describe("not found", () => {
  it("answers unknown and draft events and unknown pages with a 404 page, the API with JSON", async () => {
    const draft = await newEvent(h, { status: "draft" });
    for (const path of ["/e/unknown", `/e/${draft.slug}`, "/nothing-here"]) {
      const res = await h.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(await res.text(), path).toContain("<h1>Sidan finns inte</h1>");
    }
    const post = await submit(h, `/e/${draft.slug}`, person() as Fields);
    expect(post.status).toBe(404);
    expect(await names(h, draft.id)).toEqual([]);

    const api = await h.app.request("/api/v1/nothing");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await api.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });
});
