import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createEvent, createEventInput } from "../src/domain/events";
import { authenticateApiToken, findOrganisationBySlug } from "../src/domain/organisations";
import { register } from "../src/domain/signup";
import { consumeLoginLink } from "../src/domain/accounts";
import { liveEventBody } from "./helpers/harness";
import { openDatabase } from "../src/runtime/node/database";
import { projectRoot } from "./helpers/server";
import { startSmtp } from "./helpers/smtp";
import { runCli } from "../src/cli";

const dir = mkdtempSync(join(tmpdir(), "plats-cli-"));
const DATABASE_URL = `file:${join(dir, "plats.db")}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The last line of stdout. */
  last: string;
}

const ran = (code: number | null, stdout: string, stderr: string): Run => {
  const lines = stdout.trim().split("\n");
  return { code, stdout, stderr, last: lines[lines.length - 1] ?? "" };
};

/** The `plats` bin exactly as `npx plats` runs it, in its own process (tsx and all). */
function platsProcess(args: string[], env: Record<string, string> = {}): Run {
  const res = spawnSync(process.execPath, ["src/bin.mjs", ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL, ...env },
    encoding: "utf8",
  });
  return ran(res.status, res.stdout, res.stderr);
}

/** The same program in this process: its output lines and exit code captured (a process costs seconds). */
async function plats(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: { ...process.env, DATABASE_URL, ...env },
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
  });
  return ran(code, stdout, stderr);
}

describe("plats CLI", () => {
  it("migrates, creates an organisation and a token that authenticates (through the real bin)", async () => {
    // In process up to the token; the token through the real bin (a process costs seconds).
    expect(await plats(["migrate"])).toMatchObject({ code: 0, last: "Migrations applied." });
    const org = await plats(["org", "create", "--slug", "industriforum", "--name", "Industriforum Kronoberg"]);
    expect(org.code).toBe(0);
    expect(org.last).toMatch(/^Created organisation industriforum \(org_/);
    const token = platsProcess(["token", "create", "--org", "industriforum", "--name", "website"]);
    expect(token.code).toBe(0);
    expect(token.last).toMatch(/^plats_[A-Za-z0-9_-]{44}$/);

    const database = await openDatabase(DATABASE_URL);
    try {
      const ctx = { db: database.db, now: () => new Date(), publicUrl: "http://x" };
      expect((await authenticateApiToken(ctx, token.last))?.org.slug).toBe("industriforum");
    } finally {
      database.close();
    }
  });

  it.each([
    { args: ["org", "create", "--slug", "industriforum", "--name", "Again"], says: 'An organisation with slug "industriforum" exists.' },
    { args: ["token", "create", "--org", "nobody"], says: "No such organisation." },
    { args: ["org", "create", "--slug", "Bad Slug", "--name", "x"], says: "slug:" },
    { args: ["org", "create", "--name", "x"], says: "--slug" },
    { args: ["migrate"], env: { DATABASE_URL: "postgres://nope" }, says: "DATABASE_URL" },
    { args: ["user", "create", "--org", "nobody", "--email", "a@b.se"], says: "No such organisation." },
    { args: ["user", "create", "--org", "industriforum", "--email", "a@b.se", "--role", "admin"], says: "role:" },
    { args: ["user", "create", "--org", "industriforum", "--email", "not-an-address"], says: "email:" },
  ])("$args.0 $args.1 fails with a message and a non-zero exit ($says)", async ({ args, env, says }) => {
    const res = await plats(args, env);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain(says);
  });

  it("the real bin exits non-zero with the message on stderr", () => {
    const missing = platsProcess(["org", "create", "--name", "x"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("--slug");
  });

  it("user create makes the first owner and prints a one-time link that signs in", async () => {
    const res = await plats(["user", "create", "--org", "industriforum", "--email", "Ingrid@Industriforum.se", "--name", "Ingrid"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Created owner Ingrid@Industriforum.se in industriforum.");
    const token = /\/admin\/login\/link\/([\w-]{44})$/.exec(res.last)?.[1];
    expect(token).toBeDefined();
    const database = await openDatabase(DATABASE_URL);
    try {
      const ctx = { db: database.db, now: () => new Date(), publicUrl: "http://x" };
      const userId = await consumeLoginLink(ctx, token!);
      expect(userId).toMatch(/^usr_/);
      expect(await consumeLoginLink(ctx, token!)).toBeNull();
    } finally {
      database.close();
    }
    expect((await plats(["user", "create", "--org", "industriforum", "--email", "ingrid@industriforum.se"])).stderr).toContain("already a member");
  });

  it("user link prints a fresh one-time link for an existing member, per organisation of the address", async () => {
    expect((await plats(["org", "create", "--slug", "iucsyd", "--name", "IUC Syd"])).code).toBe(0);
    expect((await plats(["user", "create", "--org", "iucsyd", "--email", "ingrid@industriforum.se", "--role", "organiser"])).code).toBe(0);
    const both = await plats(["user", "link", "--email", " INGRID@industriforum.se "]);
    expect(both.code).toBe(0);
    const tokens = [...both.stdout.matchAll(/\/admin\/login\/link\/([\w-]{44})$/gm)].map((m) => m[1]!);
    expect(tokens).toHaveLength(2);
    expect(both.stdout).toContain("Sign-in link for owner Ingrid@Industriforum.se in industriforum (once, within 24 hours):");
    expect(both.stdout).toContain("Sign-in link for organiser ingrid@industriforum.se in iucsyd (once, within 24 hours):");
    const one = await plats(["user", "link", "--email", "ingrid@industriforum.se", "--org", "iucsyd"]);
    expect(one.stdout.match(/\/admin\/login\/link\//g)).toHaveLength(1);
    const database = await openDatabase(DATABASE_URL);
    try {
      const ctx = { db: database.db, now: () => new Date(), publicUrl: "http://x" };
      const [first, second] = await Promise.all(tokens.map((t) => consumeLoginLink(ctx, t)));
      expect(first).toMatch(/^usr_/);
      expect(second).toMatch(/^usr_/);
      expect(first).not.toBe(second);
    } finally {
      database.close();
    }
    const nobody = await plats(["user", "link", "--email", "nobody@example.se"]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/^plats: /);
    expect(nobody.stdout).not.toContain("/admin/login/link/");
    expect((await plats(["user", "link", "--email", "ingrid@industriforum.se", "--org", "nope"])).code).toBe(1);
  });

  it("outbox run sends what is due once and says how it went", async () => {
    const database = await openDatabase(DATABASE_URL);
    try {
      const ctx = { db: database.db, now: () => new Date(), publicUrl: "http://x" };
      const org = await findOrganisationBySlug(ctx, "industriforum");
      const ev = await createEvent({ ctx, input: { ...createEventInput.parse(liveEventBody()), orgId: org.id } });
      await register({ ctx, input: { eventId: ev.id, name: "Utkorg", email: "utkorg@example.se" } });
    } finally {
      database.close();
    }
    const mailDir = join(dir, "mail");
    const run = await plats(["outbox", "run"], { MAIL_DIR: mailDir });
    expect(run).toMatchObject({ code: 0, last: "Sent 1, failed 0, retrying 0, skipped 0." });
    expect(readdirSync(mailDir)).toHaveLength(1);
    expect((await plats(["outbox", "run"], { MAIL_DIR: mailDir })).last).toBe("Sent 0, failed 0, retrying 0, skipped 0.");
  });

  it("outbox retry --failed queues failed emails again (from a date, of one organisation); run sends them once", async () => {
    const smtp = await startSmtp({ refuse: () => "550 5.1.1 No such mailbox" });
    try {
      const database = await openDatabase(DATABASE_URL);
      try {
        const ctx = { db: database.db, now: () => new Date(), publicUrl: "http://x" };
        const org = await findOrganisationBySlug(ctx, "industriforum");
        const ev = await createEvent({ ctx, input: { ...createEventInput.parse(liveEventBody()), orgId: org.id } });
        for (const who of ["ada", "bea"]) await register({ ctx, input: { eventId: ev.id, name: who, email: `${who}@example.se` } });
      } finally {
        database.close();
      }
      const env = { SMTP_URL: smtp.url };
      expect((await plats(["outbox", "run"], env)).last).toBe("Sent 0, failed 2, retrying 0, skipped 0.");
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      expect((await plats(["outbox", "retry", "--failed", "--since", tomorrow])).last).toBe("Queued 0 failed emails to be sent again.");
      const bad = await plats(["outbox", "retry", "--failed", "--since", "yesterday"]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain("--since");
      expect((await plats(["outbox", "retry", "--since", tomorrow])).stderr).toContain("--failed");
      expect((await plats(["outbox", "retry", "--failed", "--org", "nobody"])).stderr).toContain("No such organisation.");

      smtp.policy.refuse = undefined;
      const today = new Date().toISOString().slice(0, 10);
      const retry = await plats(["outbox", "retry", "--failed", "--since", today, "--org", "industriforum"]);
      expect(retry).toMatchObject({ code: 0, last: "Queued 2 failed emails to be sent again." });
      expect((await plats(["outbox", "run"], env)).last).toBe("Sent 2, failed 0, retrying 0, skipped 0.");
      expect(smtp.received.flatMap((r) => r.rcpt).sort()).toEqual(["ada@example.se", "bea@example.se"]);
      expect((await plats(["outbox", "retry", "--failed"])).last).toBe("Queued 0 failed emails to be sent again.");
    } finally {
      await smtp.stop();
    }
  });

  it("creates the demo organisation with its events", async () => {
    const demo = await plats(["demo"]);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain("Leankonferens Blekinge");
    expect(demo.stdout).toContain("LEAN-kurs: Värdeflödesanalys");
    expect(demo.last).toMatch(/^Demo organisation techtank created; API token: plats_/);
  });
});
