import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../src/lib/secrets";
import type { Workerd } from "./workerdInstances";

/** SQL against the worker's D1 (through its own binding); the rows of the last statement. */
export const d1 = (w: Workerd, query: string) => w.d1(query);

/** An organisation and an API token in a workerd test's D1; returns the token's header. */
export async function seedOrganisation(w: Workerd, slug: string, extraColumns: Record<string, string | number> = {}) {
  const token = `plats_${randomBytes(24).toString("hex")}`;
  const cols = Object.keys(extraColumns);
  const values = Object.values(extraColumns).map((v) => (typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`));
  await d1(
    w,
    `INSERT INTO organisations (id, slug, name${cols.map((c) => `, ${c}`).join("")})
       VALUES ('org_${slug}', '${slug}', 'Org ${slug}'${values.map((v) => `, ${v}`).join("")});
     INSERT INTO api_tokens (id, org_id, name, token_hash, created_at)
       VALUES ('tok_${slug}', 'org_${slug}', 'test', '${sha256Hex(token)}', 0);`,
  );
  return { orgId: `org_${slug}`, auth: { authorization: `Bearer ${token}` } };
}

/** Polls `probe` until it returns a value that is not undefined/null/false, or fails after `ms`. */
export async function eventually<T>(probe: () => T | Promise<T>, what: string, ms = 20_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fires a Cron Trigger: 200 when the worker's scheduled handler finished without error. */
export async function fireCron(w: Workerd, cron: string) {
  const { outcome } = await w.scheduled(cron);
  return { status: outcome === "ok" ? 200 : 500, body: outcome };
}
