import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../src/lib/secrets";
import { PNG, padded } from "./helpers/images";
import { sharedWorkerd, type Workerd } from "./helpers/workerdInstances";

// The logo in the Workers build: uploaded as multipart to workerd, kept as a blob in D1
// (which hands blobs back as arrays of numbers), and served by its hashed URL byte for byte.
let w: Workerd;
const session = "workerd-brand-session-0123456789abcdefghijkl";

beforeAll(async () => {
  w = await sharedWorkerd();
  const far = Date.now() + 86_400_000;
  await w.d1(
    `INSERT INTO organisations (id, slug, name, accent_color) VALUES ('org_brand', 'brand', 'Märkesorg', '#0b6e4f');
     INSERT INTO users (id, org_id, email, email_key, role, created_at) VALUES ('usr_brand', 'org_brand', 'o@brand.se', 'o@brand.se', 'owner', 0);
     INSERT INTO sessions (token_hash, user_id, created_at, expires_at, absolute_expires_at) VALUES ('${sha256Hex(session)}', 'usr_brand', 0, ${far}, ${far});`,
  );
}, 180_000);
afterAll(() => w?.stop());

async function upload(bytes: Uint8Array, accept = "text/html") {
  const body = new FormData();
  body.append("logo", new File([bytes as Uint8Array<ArrayBuffer>], "logo.png", { type: "image/png" }));
  const res = await fetch(`${w.url}/admin/settings/logo`, {
    method: "POST",
    body,
    headers: { cookie: `plats_admin=${session}`, origin: w.url, "accept-language": "en", accept },
    redirect: "manual",
  });
  return { status: res.status, text: await res.text(), location: res.headers.get("location") };
}

describe("a logo on Workers and D1", () => {
  it("is uploaded, stored in D1 and served back byte for byte at its hashed URL", async () => {
    // Near the limit, with every byte value, so nothing is lost or re-encoded on the way.
    const image = padded(PNG, 200 * 1024);
    for (let i = PNG.length; i < image.length; i++) image[i] = i % 256;
    const res = await upload(image);
    expect(res.status, res.text.slice(0, 300)).toBe(303);
    expect(res.location).toBe("/admin/settings?notice=logo");
    const [org] = (await w.d1(`SELECT logo_hash, logo_type FROM organisations WHERE id = 'org_brand'`)) as { logo_hash: string; logo_type: string }[];
    expect(org!.logo_type).toBe("image/png");
    const [stored] = (await w.d1(`SELECT length(bytes) AS size, typeof(bytes) AS kind FROM organisation_logos WHERE org_id = 'org_brand'`)) as { size: number; kind: string }[];
    expect(stored).toEqual({ size: image.byteLength, kind: "blob" });

    const served = await fetch(`${w.url}/o/brand/logo/${org!.logo_hash}.png`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(image);

    const page = await fetch(`${w.url}/?org=brand`);
    const html = await page.text();
    expect(html).toContain(`<img src="/o/brand/logo/${org!.logo_hash}.png" alt="Märkesorg"/>`);
    expect(html).toContain('href="/assets/accent/0b6e4f.css"');
    expect(await (await fetch(`${w.url}/assets/accent/0b6e4f.css`)).text()).toContain("--accent:#0b6e4f");
  });

  it("refuses a file too large on its field, in the error shape, and an unknown hash is 404", async () => {
    const before = await w.d1(`SELECT hash FROM organisation_logos WHERE org_id = 'org_brand'`);
    const res = await upload(padded(PNG, 300 * 1024), "application/json");
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error.fieldCodes.logo).toEqual({ code: "logo_too_large", kib: 256 });
    expect(await w.d1(`SELECT hash FROM organisation_logos WHERE org_id = 'org_brand'`)).toEqual(before);
    const unknown = await fetch(`${w.url}/o/brand/logo/${"0".repeat(32)}.png`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });
});
