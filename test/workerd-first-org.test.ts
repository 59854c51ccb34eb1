import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveEventBody } from "./helpers/harness";
import { postJson, projectRoot } from "./helpers/server";
import { startWorkerd, type Workerd } from "./helpers/workerd";

// The first organisation of a D1 deployment: `plats org create --print-sql` prints the
// rows, `wrangler d1 execute` applies them, and the printed token and link work there.
let w: Workerd;
beforeAll(async () => {
  w = await startWorkerd({ SIGNUP_RATE_LIMIT: "0" });
});
afterAll(() => w?.stop());

const plats = (args: string[]) =>
  spawnSync(process.execPath, ["src/bin.mjs", ...args], { cwd: projectRoot, env: { ...process.env, PUBLIC_URL: w.url }, encoding: "utf8" });

describe("plats org create --print-sql", () => {
  it("prints SQL that makes a working organisation, API token and owner in D1", async () => {
    const res = plats(["org", "create", "--slug", "kronoberg", "--name", "Industriforum Kronoberg's", "--owner", "Ingrid@Kronoberg.se", "--print-sql"]);
    expect(res.status, res.stderr).toBe(0);
    const token = /API token \(shown only now\): (plats_\S+)/.exec(res.stderr)![1]!;
    const link = new RegExp(`${w.url}(/admin/login/link/[\\w-]{44})`).exec(res.stderr)![1]!;
    // Nothing secret in the SQL: only hashes.
    expect(res.stdout).not.toContain(token);
    expect(res.stdout).not.toContain(link.split("/").pop()!);
    w.d1(res.stdout);
    expect(w.d1("SELECT name FROM organisations WHERE slug = 'kronoberg'")).toEqual([{ name: "Industriforum Kronoberg's" }]);

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

  it("needs the owner", () => {
    const res = plats(["org", "create", "--slug", "x", "--name", "X", "--print-sql"]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("--print-sql needs --owner <email>");
  });
});
