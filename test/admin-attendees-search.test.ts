import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eraseManagedRegistration, updateManagedRegistration } from "../src/domain/signup";
import { searchArrivals } from "../src/domain/checkin";
import { adminHarness, type AdminHarness, type SignedIn } from "./helpers/admin";
import { caption, listPath, newEvent, tableRows } from "./admin-attendees-fixture";

// The attendance list's search: every word, case and accents ignored (ø, æ and ß as typed
// without them), matched in the database against each person's stored search text.
let h: AdminHarness;
let organiser: SignedIn;
let eventId: string;
const people: Record<string, { id: string; token: string }> = {};

const join = async (key: string, body: Record<string, unknown>) => {
  const res = await h.api("POST", `/events/${eventId}/registrations`, body, { token: null });
  expect(res.status).toBe(201);
  people[key] = { id: res.body.id, token: (res.body.manageUrl as string).split("/r/")[1]! };
};

beforeAll(async () => {
  h = await adminHarness();
  organiser = await h.signedIn("organiser");
  eventId = await newEvent(h, { capacity: 2 });
  await join("orjan", { name: "Ørjan Ødegård", email: "orjan@7sterke.no", organisation: "Kongsvinger Næringshage" });
  await join("soder", { name: "Märta Söderström", email: "marta@iucsyd.se", organisation: "IUC Syd" });
  await join("strasse", { name: "Jörg Straße", email: "jorg@example.de", organisation: "Volvo Cars" });
  await join("orjan2", { name: "Ørjan Berg", email: "berg@example.se", organisation: "Volvo Cars" });
  await join("renamed", { name: "Lisa Gammalnamn", email: "lisa@example.se" });
  await join("erased", { name: "Tove Raderad", email: "tove@example.se", organisation: "Volvo Cars" });
});
afterAll(() => h.close());

/** The ids the list shows for a search (and a filter). */
async function search(q: string, status?: string) {
  const query = new URLSearchParams({ q, ...(status ? { status } : {}) });
  const res = await organiser.request(`${listPath(eventId)}?${query}`);
  expect(res.status, q).toBe(200);
  return tableRows(res.text).map((r) => Object.keys(people).find((k) => people[k]!.id === r.id));
}

describe("searching the attendance list", () => {
  it("ignores case and accents, and finds ø, æ and ß typed without them", async () => {
    expect(await search("orjan")).toEqual(["orjan", "orjan2"]);
    expect(await search("ØRJAN")).toEqual(["orjan", "orjan2"]);
    expect(await search("SODER")).toEqual(["soder"]);
    expect(await search("söderström")).toEqual(["soder"]);
    expect(await search("odegard")).toEqual(["orjan"]);
    expect(await search("naeringshage")).toEqual(["orjan"]);
    expect(await search("strasse")).toEqual(["strasse"]);
    expect(await search("@iucsyd")).toEqual(["soder"]);
  });

  it("needs every word, in any field and any order", async () => {
    expect(await search("orjan volvo")).toEqual(["orjan2"]);
    expect(await search("cars BERG orjan")).toEqual(["orjan2"]);
    expect(await search("volvo")).toEqual(["strasse", "orjan2", "erased"]);
    expect(await search("orjan iuc")).toEqual([]);
    // A word is never found across two fields ("Berg" and "Volvo Cars").
    expect(await search("bergvolvo")).toEqual([]);
  });

  it("keeps to the status filter, and shows each waiting person's place in the whole queue", async () => {
    // Two seats: Ørjan Ødegård and Märta are confirmed, the rest wait at 1..4.
    expect(await search("volvo", "confirmed")).toEqual([]);
    expect(await search("volvo", "waitlisted")).toEqual(["strasse", "orjan2", "erased"]);
    const res = await organiser.request(`${listPath(eventId)}?status=waitlisted&q=berg`);
    expect(tableRows(res.text)[0]!.text).toContain("waitlisted #2 ");
    expect(caption(res.text)).toBe("1 registration matching “berg” · waitlisted");
  });

  it("says so when nobody matches", async () => {
    const res = await organiser.request(`${listPath(eventId)}?q=${encodeURIComponent("zyxw örjan")}`);
    expect(res.status).toBe(200);
    expect(tableRows(res.text)).toEqual([]);
    expect(res.text).toContain("Nobody matches “zyxw örjan”.");
  });

  it("finds the same people as the check-in desk for the same words", async () => {
    for (const q of ["orjan", "SODER", "volvo cars", "strasse", "ab"]) {
      const door = await searchArrivals({ ctx: h.ctx, input: { orgId: h.orgId, eventId, q } });
      const list = await search(q, "all");
      expect(new Set(door.results.map((r) => Object.keys(people).find((k) => people[k]!.id === r.id))), q).toEqual(new Set(list));
    }
  });

  it("finds someone by their changed name, no longer by the old one", async () => {
    await updateManagedRegistration({ ctx: h.ctx, input: { token: people.renamed!.token, changes: { name: "Lisa Nyström", organisation: "Techtank" } } });
    expect(await search("gammalnamn")).toEqual([]);
    expect(await search("nystrom techtank")).toEqual(["renamed"]);
  });

  it("no longer finds someone whose data was erased", async () => {
    expect(await search("raderad")).toEqual(["erased"]);
    await eraseManagedRegistration({ ctx: h.ctx, input: { token: people.erased!.token } });
    expect(await search("raderad", "all")).toEqual([]);
    expect(await search("tove@example.se", "all")).toEqual([]);
  });

  it("takes at most 20 different words, and words repeated or held by another count once", async () => {
    const many = Array.from({ length: 21 }, (_, i) => `w${i}x`).join(" ");
    const res = await organiser.request(`${listPath(eventId)}?q=${encodeURIComponent(many)}`);
    expect(res.status).toBe(400);
    expect(res.text).toContain("Search for at most 20 different words.");
    expect(await search(Array(30).fill("orjan").join(" "))).toEqual(["orjan", "orjan2"]);
    expect(await search("o or orj orja orjan r j a n volvo vol")).toEqual(["orjan2"]);
  });
});
