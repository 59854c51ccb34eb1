// The same flash crowd against the Workers build: `wrangler dev` (local workerd) over a
// local D1 with the real migrations. Informational: local workerd and a local D1 are
// neither Cloudflare's network nor its D1, but the invariants must hold here as well.
import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../src/lib/secrets";
import { startWorkerd } from "../helpers/workerd";
import { CAPACITY, checkCrowd, createEvent, signupBody, SIGNUPS, WARMUP, type CrowdCheck } from "./crowd";
import { load, treeProbe, type Figures } from "./measure";

export const WORKERD = "workerd + local D1";

export async function benchWorkerd(): Promise<{ figures: Figures; check: CrowdCheck }> {
  const started = performance.now();
  const w = await startWorkerd({ SIGNUP_RATE_LIMIT: "0" });
  try {
    console.error(`workerd: wrangler dev answered after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The CLI cannot reach a D1 binding, so the organisation and its token go in as SQL,
    // the way the deploy guide does it.
    const token = `plats_bench${randomBytes(16).toString("hex")}`;
    w.d1(
      `INSERT INTO organisations (id, slug, name, checkin_key) VALUES ('org_bench', 'bench', 'Bench', lower(hex(randomblob(32))));
       INSERT INTO api_tokens (id, org_id, name, token_hash, created_at) VALUES ('tok_bench', 'org_bench', 'bench', '${sha256Hex(token)}', 0);`,
    );
    // wrangler's processes all carry the state folder on their command line.
    const probe = treeProbe(w.dir);
    const warmEvent = await createEvent(w.url, token, "Warm-up");
    const event = await createEvent(w.url, token, "Leankonferens Blekinge (bench)");
    const signups = (id: string) => () => `/api/v1/events/${id}/registrations`;
    await load({ name: "warm-up", runtime: WORKERD, url: w.url, path: signups(warmEvent), body: signupBody("w"), amount: WARMUP, probe });
    const figures = await load({
      name: `Plats signup (full path, ${CAPACITY} seats)`,
      runtime: WORKERD,
      url: w.url,
      path: signups(event),
      body: signupBody("p"),
      amount: SIGNUPS,
      probe,
    });
    return { figures, check: await checkCrowd(w.url, token, event, "workerd") };
  } finally {
    await w.stop();
  }
}
