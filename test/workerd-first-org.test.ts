import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli";
import { liveEventBody } from "./helpers/harness";
import { freePort, postJson } from "./helpers/server";
import { ownWorkerd, type Workerd } from "./helpers/workerdInstances";

// The first organisation of a D1 deployment, made as the README tells an operator:
// `plats org create --print-sql` prints the rows, the real `wrangler d1 migrations apply`
// and `wrangler d1 execute --file` apply them, and the printed token and link work there.
let w: Workerd;
let url: string;
let printed: Awaited<ReturnType<typeof plats>>;
beforeAll(async () => {
  // The link printed must point at the worker: its address is chosen first.
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  printed = await plats(["org", "create", "--slug", "kronoberg", "--name", "Industriforum Kronoberg's", "--owner", "Ingrid@Kronoberg.se", "--print-sql"]);
  w = await ownWorkerd({ SIGNUP_RATE_LIMIT: "0" }, { port, wranglerSql: printed.stdout });
}, 180_000);
afterAll(() => w?.stop());

/** The CLI in this process, as `npx plats` would run it with PUBLIC_URL set. */
async function plats(args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await runCli(args, { env: { ...process.env, PUBLIC_URL: url }, out: (l) => (stdout += `${l}\n`), err: (l) => (stderr += `${l}\n`) });
  return { status, stdout, stderr };
}

describe("plats org create --print-sql", () => {
  it("prints SQL that makes a working organisation, API token and owner in D1", async () => {
    const res = printed;
    expect(res.status, res.stderr).toBe(0);
    const token = /API token \(shown only now\): (plats_\S+)/.exec(res.stderr)![1]!;
    const link = new RegExp(`${w.url}(/admin/login/link/[\\w-]{44})`).exec(res.stderr)![1]!;
    // Nothing secret in the SQL: only hashes.
    expect(res.stdout).not.toContain(token);
    expect(res.stdout).not.toContain(link.split("/").pop()!);
    // Applied by `wrangler d1 execute --file` before the worker started (beforeAll).
    expect(await w.d1("SELECT name FROM organisations WHERE slug = 'kronoberg'")).toEqual([{ name: "Industriforum Kronoberg's" }]);

    const ev = await postJson(`${w.url}/api/v1/events`, liveEventBody(), { authorization: `Bearer ${token}` });
    expect(ev.status).toBe(201);
    const signIn = await fetch(`${w.url}${link}`, { method: "POST", redirect: "manual", headers: { origin: w.url } });
    expect(signIn.status).toBe(303);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const dashboard = await fetch(`${w.url}/admin`, { headers: { cookie } });
    expect(await dashboard.text()).toContain("Industriforum Kronoberg&#39;s");

    // A password set and used in workerd: PBKDF2 from Web Crypto within Workers' limits.
    const password = "en lång mening att komma ihåg";
    const form = (fields: Record<string, string>) => ({ method: "POST", redirect: "manual" as const, headers: { origin: w.url, cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
    const set = await fetch(`${w.url}/admin/account/password`, form({ password, confirm: password }));
    expect(set.status).toBe(303);
    const login = (pw: string) =>
      fetch(`${w.url}/admin/login`, { method: "POST", redirect: "manual", headers: { origin: w.url, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email: "ingrid@kronoberg.se", password: pw }) });
    expect((await login("not the password")).status).toBe(401);
    const ok = await login(password);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("set-cookie")).toMatch(/HttpOnly/i);
  });

  it("needs the owner", async () => {
    const res = await plats(["org", "create", "--slug", "x", "--name", "X", "--print-sql"]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("--print-sql needs --owner <email>");
  });
});
