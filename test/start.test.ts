import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config";
import { readXlsx } from "./admin-exports-fixture";
import { projectRoot, spawnServer } from "./helpers/server";

const dir = mkdtempSync(join(tmpdir(), "plats-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm start", () => {
  it("migrates an empty database, seeds the demo, prints a token and public URLs, and serves", async () => {
    const mailDir = join(dir, "mail");
    const env = { DATABASE_URL: `file:${join(dir, "plats.db")}`, SIGNUP_RATE_LIMIT: "0", MAIL_DIR: mailDir };
    const server = await spawnServer(env);
    let token: string;
    try {
      const out = server.output();
      token = /Organiser API token \(shown once\): (plats_\S+)/.exec(out)?.[1] ?? "";
      expect(token).not.toBe("");
      expect(out).toMatch(/Leankonferens Blekinge \d{4}: http:\/\/localhost:\d+\/e\/leankonferens-blekinge-\d{4}/);
      const events = await (await fetch(`${server.url}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } })).json();
      const byTitle = Object.fromEntries(events.events.map((e: { title: string }) => [e.title, e]));
      expect(byTitle["LEAN-kurs: Värdeflödesanalys"]).toMatchObject({ capacity: 12, confirmed: 12, waitlisted: 3, seatsLeft: 0 });
      expect(byTitle["Kick-off: Digitalisering i industrin"]).toMatchObject({ online: true });
      const conference = Object.values(byTitle).find((e) => String((e as { title: string }).title).startsWith("Leankonferens")) as { id: string };
      expect(conference).toMatchObject({ venue: "BTH Campus Karlshamn", timezone: "Europe/Stockholm", confirmed: 6 });
      // The demo owner's printed link signs in to the workspace, whose reports have a past event.
      const link = /Workspace: sign in as demo@techtank\.example within 24 hours with (http:\/\/localhost:\d+)(\/admin\/login\/link\/[\w-]{44})/.exec(out);
      expect(link).not.toBeNull();
      const signIn = await fetch(`${server.url}${link![2]}`, { method: "POST", redirect: "manual", headers: { origin: server.url } });
      expect(signIn.status).toBe(303);
      const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
      const dashboard = await fetch(`${server.url}/admin`, { headers: { cookie } });
      expect(await dashboard.text()).toContain("Medlemsfrukost: Energieffektivisering");
      // The in-process dispatcher sends (here: writes .eml) without being asked; demo
      // signups themselves send nothing.
      expect(out).toContain(`No SMTP_URL: messages are written to ${mailDir} as .eml files.`);
      const signup = await fetch(`${server.url}/api/v1/events/${conference.id}/registrations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Startad", email: "startad@example.se", answers: { lunch: "Fisk" } }),
      });
      expect(signup.status).toBe(201);
      // The XLSX is read (over the thread's own connection) and built in the export worker
      // thread, which loads its TypeScript under tsx in a process started as `npm start` starts it.
      const xlsx = await fetch(`${server.url}/api/v1/events/${conference.id}/registrations.xlsx`, { headers: { authorization: `Bearer ${token}` } });
      expect(xlsx.status).toBe(200);
      const { rows } = await readXlsx(await xlsx.arrayBuffer());
      expect(rows[0]![0]).toBe("Name");
      expect(rows.slice(1).map((r) => r[0])).toContain("Startad");
      const deadline = Date.now() + 15_000;
      while (!existsSync(mailDir) || readdirSync(mailDir).length === 0) {
        if (Date.now() > deadline) throw new Error("no .eml written");
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(readdirSync(mailDir)).toHaveLength(1);
      expect(readFileSync(join(mailDir, readdirSync(mailDir)[0]!), "utf8")).toContain("startad@example.se");
    } finally {
      await server.stop();
    }
    // A restart keeps the data and does not seed again.
    const again = await spawnServer(env);
    try {
      expect(again.output()).not.toContain("Organiser API token");
      const res = await fetch(`${again.url}/api/v1/events`, { headers: { authorization: `Bearer ${token}` } });
      expect((await res.json()).events).toHaveLength(4);
    } finally {
      await again.stop();
    }
  });

  it("stops at start-up on a bad setting, naming the variable", () => {
    const res = spawnSync(process.execPath, ["--import", "tsx", "src/node.ts"], {
      cwd: projectRoot,
      env: { ...process.env, PORT: "eighty", SMTP_URL: "mail.example.com" },
      encoding: "utf8",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("PORT: Must be a port number.");
    expect(res.stderr).toContain("SMTP_URL: Must be an smtp:// or smtps:// URL.");
  });
});

describe("TRUST_PROXY", () => {
  it("limits by the address the proxy saw, not one the client made up", async () => {
    const { startTestServer, postJson } = await import("./helpers/server");
    const { harness, liveEventBody } = await import("./helpers/harness");
    const { TestClock } = await import("./helpers/clock");
    const h = await harness({}, { clock: TestClock.real() });
    const server = await startTestServer(h.database.url, { TRUST_PROXY: "true", SIGNUP_RATE_LIMIT: "2" });
    try {
      const ev = (await h.api("POST", "/events", liveEventBody())).body.id;
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const res = await postJson(`${server.url}/api/v1/events/${ev}/registrations`, { name: "X", email: `xff${i}@example.se` }, {
          "x-forwarded-for": `203.0.113.${i}, 198.51.100.9`,
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await server.close();
      h.close();
    }
  });
});

describe("PUBLIC_URL with a trailing slash", () => {
  it("gives clean links in responses and in the emails the background dispatcher sends", async () => {
    const { startTestServer, postJson, scratchMailDir } = await import("./helpers/server");
    const { harness, liveEventBody } = await import("./helpers/harness");
    const { simpleParser } = await import("mailparser");
    const { TestClock } = await import("./helpers/clock");
    const h = await harness({}, { clock: TestClock.real() });
    const mailDir = scratchMailDir();
    const server = await startTestServer(h.database.url, { PUBLIC_URL: "https://plats.example.se/", MAIL_DIR: mailDir });
    try {
      const ev = (await h.api("POST", "/events", liveEventBody())).body.id;
      const res = await postJson(`${server.url}/api/v1/events/${ev}/registrations`, { name: "Snedstreck", email: "slash@example.se" });
      expect(res.body.manageUrl).toMatch(/^https:\/\/plats\.example\.se\/r\/[\w-]{22}$/);
      await server.background.kick();
      const [file] = readdirSync(mailDir);
      const mail = await simpleParser(readFileSync(join(mailDir, file!)));
      expect(mail.text).toMatch(/https:\/\/plats\.example\.se\/r\/[\w-]{22}/);
      expect(mail.text).not.toContain("se//");
    } finally {
      await server.close();
      h.close();
    }
  });
});

describe("configuration", () => {
  it("has sensible defaults and derives PUBLIC_URL from PORT", () => {
    expect(readConfig({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: "file:./data/plats.db",
      PUBLIC_URL: "http://localhost:3000",
      MAIL_DIR: "./data/mail",
      MAIL_FROM: "Plats <noreply@localhost>",
      SIGNUP_RATE_LIMIT: 30,
      SIGNUP_OTHER_ADDRESS_LIMIT: 20,
      SMTP_TIMEOUT_SECONDS: 30,
      PAGE_CACHE_MS: 1000,
      REMINDER_HOURS: 24,
      TRUST_PROXY: false,
      DEMO: true,
    });
    expect(readConfig({ PORT: "8080", TRUST_PROXY: "true", PUBLIC_URL: "" }).PUBLIC_URL).toBe("http://localhost:8080");
  });

  it("rejects bad values by name", () => {
    expect(() => readConfig({ TRUST_PROXY: "maybe" })).toThrow(/TRUST_PROXY: Must be true or false/);
    expect(() => readConfig({ PUBLIC_URL: "ftp://x" })).toThrow(/PUBLIC_URL/);
    expect(() => readConfig({ SIGNUP_RATE_LIMIT: "-1" })).toThrow(/SIGNUP_RATE_LIMIT/);
    expect(() => readConfig({ SIGNUP_OTHER_ADDRESS_LIMIT: "twenty" })).toThrow(/SIGNUP_OTHER_ADDRESS_LIMIT: Must be a whole number/);
    expect(() => readConfig({ REMINDER_HOURS: "soon" })).toThrow(/REMINDER_HOURS/);
    expect(() => readConfig({ SMTP_TIMEOUT_SECONDS: "0" })).toThrow(/SMTP_TIMEOUT_SECONDS/);
    expect(() => readConfig({ PAGE_CACHE_MS: "a second" })).toThrow(/PAGE_CACHE_MS: Must be a number of milliseconds/);
  });
});
