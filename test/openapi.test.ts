import { validate, compileErrors } from "@readme/openapi-parser";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_VERSION, OPENAPI_PATH } from "../src/http/api/openapi/document";
import { eventDetail, eventList, organiserEvent } from "../src/http/api/openapi/events";
import { managedRegistration, registrationPage, signupResult } from "../src/http/api/openapi/registrations";
import { organisation } from "../src/http/api/openapi/access";
import { harness, liveEventBody, person, type Harness } from "./helpers/harness";
import { apiTypes } from "./setup/apiTypes";

// The API's description against the app itself: a valid OpenAPI 3.1 document that names
// every /api/v1 route and nothing else, with its refusals in the one error shape. A route
// added without `operation()` (src/http/api/openapi/describe.ts) fails here.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];
// The description itself is served beside the API, not described in it.
const NOT_DESCRIBED = new Set([`GET ${OPENAPI_PATH}`]);

let h: Harness;
let doc: Doc;
beforeAll(async () => {
  h = await harness();
  const res = await h.app.request(OPENAPI_PATH);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  doc = await res.json();
});
afterAll(() => h?.close());

/** `METHOD /path` of every operation in the document, paths as the app writes them under /api/v1 with `{id}`. */
const documented = () =>
  new Set(Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} /api/v1${path}`)));

/** The same from Hono's route table: handlers, not middleware (method ALL). */
const routed = () =>
  new Set(h.app.routes
    .filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL")
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`)
    .filter((r) => !NOT_DESCRIBED.has(r)));

describe("the API's description (/api/v1/openapi.json)", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc));
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.valid).toBe(true);
  });

  it("names the API, its version, its server and its token", () => {
    expect(doc.info.title).toBe("Plats API");
    expect(doc.info.version).toBe(API_VERSION);
    expect(doc.servers).toEqual([{ url: "/api/v1", description: expect.any(String) }]);
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("describes every /api/v1 route of the app, and no route the app does not have", () => {
    const inApp = [...routed()].sort();
    expect(inApp.length).toBeGreaterThan(25);
    expect(inApp).toEqual([...documented()].sort());
  });

  it("gives each operation an id, a tag, a summary, a description, its security and a refusal in the one error shape", () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Doc>>)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
        expect(ids.has(op.operationId), `${where}: operationId ${op.operationId} twice`).toBe(false);
        ids.add(op.operationId);
        expect(op.tags, where).toHaveLength(1);
        expect(op.summary, where).toBeTruthy();
        expect(op.description?.length, where).toBeGreaterThan(20);
        expect(Array.isArray(op.security), where).toBe(true);
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          const param = op.parameters.find((p: Doc) => p.in === "path" && `{${p.name}}` === name);
          expect(param?.description, `${where}: ${name}`).toBeTruthy();
        }
        const statuses = Object.keys(op.responses);
        expect(statuses.filter((s) => /^2\d\d$/.test(s)), where).toHaveLength(1);
        const refusals = statuses.filter((s) => /^4\d\d$/.test(s));
        expect(refusals.length, where).toBeGreaterThan(0);
        for (const s of refusals) expect(op.responses[s].content["application/json"].schema, `${where} ${s}`).toEqual({ $ref: "#/components/schemas/Error" });
        const token = op.security.some((s: Doc) => "apiToken" in s);
        expect(token, `${where}: a token means a 401`).toBe("401" in op.responses);
      }
    }
  });

  it("describes request bodies and queries by the schemas that validate them", () => {
    const create = doc.paths["/events"].post;
    expect(create.requestBody.content["application/json"].schema.required).toEqual(expect.arrayContaining(["title", "startsAt", "endsAt"]));
    const list = doc.paths["/events/{id}/registrations"].get.parameters.map((p: Doc) => `${p.in} ${p.name}`);
    expect(list).toEqual(expect.arrayContaining(["path id", "query status", "query limit", "query cursor"]));
  });

  it("is what the committed client types were made from (else: npm run api:types)", async () => {
    expect(readFileSync(new URL("./helpers/api.gen.ts", import.meta.url), "utf8")).toBe(await apiTypes());
  });

  it("is made once per app and served to anyone, without a token or a JSON body", async () => {
    const again = await h.app.request(OPENAPI_PATH, { headers: { "content-type": "text/plain" }, method: "GET" });
    expect(await again.json()).toEqual(doc);
  });
});

describe("the response schemas", () => {
  // The types are held to the routes at compile time (test/architecture/responseTypes.ts);
  // these parse real answers with them.
  it("fit what the API answers", async () => {
    const created = await h.api("POST", "/events", liveEventBody({ slug: "leankonferens", questions: [{ id: "lunch", label: "Lunch", kind: "text" }] }));
    expect(eventDetail.safeParse(created.body).error).toBeUndefined();
    expect(eventDetail.safeParse((await h.api("GET", `/events/${created.body.id}`, undefined, { token: null })).body).error).toBeUndefined();
    expect(eventList.safeParse((await h.api("GET", "/events")).body).error).toBeUndefined();
    const signup = await h.api("POST", `/events/${created.body.id}/registrations`, person({ answers: { lunch: "Vegetarisk" } }), { token: null });
    expect(signupResult.safeParse(signup.body).error).toBeUndefined();
    expect(registrationPage.safeParse((await h.api("GET", `/events/${created.body.id}/registrations`)).body).error).toBeUndefined();
    const token = signup.body.manageUrl.split("/r/")[1];
    expect(managedRegistration.safeParse((await h.api("GET", `/manage/${token}`, undefined, { token: null })).body).error).toBeUndefined();
    expect(organisation.safeParse((await h.api("GET", "/organisation")).body).error).toBeUndefined();
    expect(organiserEvent.safeParse((await h.api("POST", `/events/${created.body.id}/cancel`)).body).error).toBeUndefined();
  });
});
