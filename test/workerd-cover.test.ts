import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/secrets";
import { padded, pngOfSize } from "./helpers/images";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";

// An event's cover in the Workers build: uploaded as multipart to workerd, kept as a blob
// in D1 (which hands blobs back as arrays of numbers), served by its hashed URL byte for
// byte, and on the event page at once.
let w: Workerd;
const session = "workerd-cover-session-0123456789abcdefghijkl";
const start = Date.now() + 7 * 86_400_000;

beforeAll(async () => {
  w = await sharedWorkerd();
  const far = Date.now() + 86_400_000;
  await w.d1(
    `INSERT INTO organisations (id, slug, name) VALUES ('org_cover', 'cover-org', 'Omslagsorg');
     INSERT INTO users (id, org_id, email, email_key, role, created_at) VALUES ('usr_cover', 'org_cover', 'o@cover.se', 'o@cover.se', 'organiser', 0);
     INSERT INTO sessions (token_hash, user_id, created_at, expires_at, absolute_expires_at) VALUES ('${sha256Hex(session)}', 'usr_cover', 0, ${far}, ${far});
     INSERT INTO events (id, org_id, slug, title, starts_at, ends_at, capacity, status, created_at, updated_at)
       VALUES ('evt_cover', 'org_cover', 'omslagsdagen', 'Omslagsdagen', ${start}, ${start + 3_600_000}, 10, 'published', 0, 0);`,
  );
}, 180_000);
afterAll(() => w?.stop());

async function upload(bytes: Uint8Array, accept = "text/html") {
  const body = new FormData();
  body.append("cover", new File([bytes as Uint8Array<ArrayBuffer>], "cover.png", { type: "image/png" }));
  body.append("coverAlt", "Scenen");
  const res = await fetch(`${w.url}/admin/events/evt_cover/cover`, {
    method: "POST",
    body,
    headers: { cookie: `plats_admin=${session}`, origin: w.url, "accept-language": "en", accept },
    redirect: "manual",
  });
  return { status: res.status, text: await res.text(), location: res.headers.get("location") };
}

describe("a cover on Workers and D1", () => {
  it("is uploaded, stored in D1, served back byte for byte at its hashed URL, and shown on the event page", async () => {
    // Near the limit, with every byte value after the image, so nothing is lost or re-encoded.
    const image = padded(pngOfSize(1200, 630), 500 * 1024);
    for (let i = image.length - 400 * 1024; i < image.length; i++) image[i] = i % 256;
    const res = await upload(image);
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    expect(res.location).toBe("/admin/events/evt_cover/cover?notice=uploaded");
    const [event] = (await w.d1(`SELECT cover_hash, cover_type, cover_width, cover_height, cover_alt FROM events WHERE id = 'evt_cover'`)) as Record<string, unknown>[];
    expect(event).toMatchObject({ cover_type: "image/png", cover_width: 1200, cover_height: 630, cover_alt: "Scenen" });
    const [stored] = (await w.d1(`SELECT length(bytes) AS size, typeof(bytes) AS kind FROM event_covers WHERE event_id = 'evt_cover'`)) as { size: number; kind: string }[];
    expect(stored).toEqual({ size: image.byteLength, kind: "blob" });

    const path = `/e/omslagsdagen/cover/${event!.cover_hash}.png`;
    const served = await fetch(`${w.url}${path}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(image);

    const page = await (await fetch(`${w.url}/e/omslagsdagen`)).text();
    expect(page).toContain(`<img src="${path}" alt="Scenen" width="1200" height="630"`);
  });

  it("refuses a file too large on its field, in the error shape, and changes nothing", async () => {
    const before = await w.d1(`SELECT hash FROM event_covers WHERE event_id = 'evt_cover'`);
    const res = await upload(padded(pngOfSize(1200, 630), 600 * 1024), "application/json");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.fieldCodes.cover).toEqual({ code: "cover_too_large", kib: 512 });
    expect(await w.d1(`SELECT hash FROM event_covers WHERE event_id = 'evt_cover'`)).toEqual(before);
    expect((await fetch(`${w.url}/e/omslagsdagen/cover/${"0".repeat(32)}.png`)).status).toBe(404);
  });
});
