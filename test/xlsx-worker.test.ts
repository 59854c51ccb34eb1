import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xlsxWorker, type XlsxWorker } from "../src/runtime/node/xlsxWorker";
import { AppError } from "../src/lib/errors";
import { sheetOf, type Table } from "../src/lib/spreadsheet";
import { readXlsx } from "./admin-exports-fixture";
import { harness, eventBody, type Harness } from "./helpers/harness";
import { projectRoot } from "./helpers/server";

const dying = new URL("./helpers/dyingXlsxThread.mjs", import.meta.url);
const table = (n: number) =>
  sheetOf({
    columns: [{ header: "Name" }, { header: "Number" }],
    rows: Array.from({ length: n }, (_, i) => [`Person ${i + 1}`, i + 1]),
  });
const refusal = (err: unknown) => (err instanceof AppError ? { reason: err.reason, status: err.status } : err);

describe("the export worker thread", () => {
  let pool: XlsxWorker;
  beforeAll(() => {
    pool = xlsxWorker();
  });
  afterAll(() => pool.close());

  it("builds queued jobs one after another, first come first built", async () => {
    const done: string[] = [];
    const jobs = [pool.build(table(300), "Först"), pool.build(table(2), "Sedan")].map((p, i) => p.then((bytes) => (done.push(["first", "second"][i]!), bytes)));
    expect(pool.pending()).toBe(2);
    const [first, second] = await Promise.all(jobs);
    expect(done).toEqual(["first", "second"]);
    const a = await readXlsx(first!.buffer);
    expect(a.sheet.name).toBe("Först");
    expect(a.rows).toHaveLength(301);
    expect(a.rows[300]).toEqual(["Person 300", 300]);
    expect((await readXlsx(second!.buffer)).rows).toEqual([["Name", "Number"], ["Person 1", 1], ["Person 2", 2]]);
    expect(pool.pending()).toBe(0);
  });

  it("fails a job that throws with 503 unavailable, alone: the next job in the queue is built", async () => {
    const broken = sheetOf({ columns: null, rows: [] } as unknown as Table);
    const [bad, good] = await Promise.allSettled([pool.build(broken, "Trasig"), pool.build(table(1), "Hel")]);
    expect(bad.status === "rejected" && refusal(bad.reason)).toEqual({ reason: "export_failed", status: 503 });
    expect(good.status === "fulfilled" && (await readXlsx(good.value.buffer)).rows).toEqual([["Name", "Number"], ["Person 1", 1]]);
  });

  it("starts a new thread when one dies, failing only the job it was building", async () => {
    const fragile = xlsxWorker({ entry: dying });
    try {
      const results = await Promise.allSettled([fragile.build(table(1), "före"), fragile.build(table(1), "die"), fragile.build(table(1), "efter")]);
      const text = (r: PromiseSettledResult<Uint8Array>) => (r.status === "fulfilled" ? new TextDecoder().decode(r.value) : refusal(r.reason));
      expect(results.map(text)).toEqual(["built före", { reason: "export_failed", status: 503 }, "built efter"]);
    } finally {
      await fragile.close();
    }
  });

  it("never keeps the process alive: a script that built a file and never closed the pool exits", () => {
    const script = `
      import { xlsxWorker } from "./src/runtime/node/xlsxWorker.ts";
      const bytes = await xlsxWorker().build({ columns: [{ header: "A" }], count: 1, pages: [[["x"]]] }, "S");
      console.log("built", bytes.length > 1000);`;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: projectRoot, encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("built true");
    expect(run.status).toBe(0);
  });
});

describe("an XLSX download whose build fails", () => {
  let h: Harness;
  let pool: XlsxWorker;
  beforeAll(async () => {
    pool = xlsxWorker({ entry: dying });
    h = await harness({ buildXlsx: pool.build });
  });
  afterAll(async () => {
    h.close();
    await pool.close();
  });

  it("answers 503 in the one error shape, and the next download works", async () => {
    const die = (await h.api("POST", "/events", eventBody({ title: "die" }))).body;
    const res = await h.api("GET", `/events/${die.id}/registrations.xlsx`);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: { code: "unavailable", message: "The file could not be made just now. Try the download again in a moment." } });
    const fine = (await h.api("POST", "/events", eventBody({ title: "Fine" }))).body;
    const ok = await h.app.request(`/api/v1/events/${fine.id}/registrations.xlsx`, { headers: { authorization: `Bearer ${h.token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("built Fine");
  });
});

describe("a download read in the export thread", () => {
  let h: Harness;
  let pool: XlsxWorker;
  beforeAll(async () => {
    // The pool needs the harness's database, the harness the pool's builder.
    h = await harness({ buildXlsx: (source, sheet) => pool.build(source, sheet) });
    pool = xlsxWorker({ database: { url: h.database.url } });
  });
  afterAll(async () => {
    await pool.close();
    h.close();
  });

  it("reads the rows over the thread's own connection, the same rows the count on record names", async () => {
    const ev = (await h.api("POST", "/events", eventBody({ title: "Tråden läser" }))).body;
    for (const n of [1, 2, 3]) expect((await h.api("POST", `/events/${ev.id}/registrations`, { name: `Person ${n}`, email: `p${n}@example.se` }, { token: null })).status).toBe(201);
    const res = await h.app.request(`/api/v1/events/${ev.id}/registrations.xlsx`, { headers: { authorization: `Bearer ${h.token}` } });
    expect(res.status).toBe(200);
    const { rows } = await readXlsx(await res.arrayBuffer());
    expect(rows.slice(1).map((r) => r[0])).toEqual(["Person 1", "Person 2", "Person 3"]);
  });
});
