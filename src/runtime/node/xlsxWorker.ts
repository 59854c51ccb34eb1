import { Worker } from "node:worker_threads";
import { AppError } from "../../lib/errors";
import { wholeTable, type XlsxBuilder } from "../../lib/spreadsheet";
import type { XlsxAnswer, XlsxJob } from "./xlsxJobs";

export interface XlsxWorker {
  build: XlsxBuilder;
  /** Jobs waiting, the one being built included. */
  pending(): number;
  close(): Promise<void>;
}

interface Queued {
  job: XlsxJob;
  resolve: (bytes: Uint8Array<ArrayBuffer>) => void;
  reject: (err: unknown) => void;
}

/**
 * XLSX downloads built in one worker thread for the whole process. Zipping a sheet of
 * 5,000 attendees takes the better part of a second of CPU; on the event loop that
 * second is every signup's and /healthz's wait. One thread, one job at a time, first
 * come first built: four organisers' downloads queue behind each other rather than
 * taking both cores from the signups.
 *
 * Started at the first download, unref'd while idle so it never keeps the process alive, and
 * started afresh for the next job if it dies. A job that fails, or is lost with its
 * thread, answers its own request with 503 `unavailable` in the one error shape.
 */
export function xlsxWorker({
  entry = new URL("./xlsxThread.mjs", import.meta.url),
  database,
}: {
  entry?: URL;
  /** The thread's own connection to the service's database: with it, a sheet that has a recipe is read there too, not on the event loop. */
  database?: { url: string; authToken?: string };
} = {}): XlsxWorker {
  const queue: Queued[] = [];
  let worker: Worker | null = null;
  let busy: Queued | null = null;
  let nextId = 1;
  let gathering = 0;

  const fail = (item: Queued, why: unknown) => {
    console.error(`xlsx worker: job ${item.job.id} (${item.job.recipe?.kind ?? `${item.job.table?.rows?.length} rows`}) failed:`, why);
    item.reject(new AppError("export_failed"));
  };

  function start() {
    // None of the process's own flags: the entry registers tsx itself, and a flag such as
    // --input-type (from `node -e`) would stop the thread from starting at all.
    const w = new Worker(entry, { execArgv: [], workerData: { database } });
    w.on("message", (answer: XlsxAnswer) => {
      const item = busy;
      if (!item || item.job.id !== answer.id) return;
      busy = null;
      if ("bytes" in answer) item.resolve(answer.bytes);
      else fail(item, answer.error);
      next();
    });
    // An uncaught error in the thread ends it ('error', then 'exit'): the job it was
    // building fails, and the next one starts a new thread.
    const died = (why: unknown) => {
      if (worker !== w) return;
      worker = null;
      const item = busy;
      busy = null;
      if (item) fail(item, why);
      next();
    };
    w.on("error", died);
    w.on("exit", (code) => died(`the thread exited (code ${code})`));
    return w;
  }

  function next() {
    // An idle thread never keeps the process alive; one building a file does, as a
    // request waiting for it would (this is also after the listeners, which ref it).
    if (busy || !queue.length) return void worker?.unref();
    busy = queue.shift()!;
    worker ??= start();
    worker.ref();
    try {
      worker.postMessage(busy.job);
    } catch (err) {
      // A table that cannot be sent (not cloneable) is that job's failure alone.
      const item = busy;
      busy = null;
      fail(item, err);
      next();
    }
  }

  return {
    // Reading 5,000 rows and shaping them costs the event loop some 300 ms of CPU per
    // download (npm run bench): with a recipe and a database, the thread does that too.
    build: async (source, sheet) => {
      // Counted while its rows are gathered, so a caller sees it waiting at once.
      gathering++;
      let what;
      try {
        what = database && source.recipe ? { recipe: source.recipe } : { table: await wholeTable(source) };
      } finally {
        gathering--;
      }
      return new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
        queue.push({ job: { id: nextId++, ...what, sheet }, resolve, reject });
        next();
      });
    },
    pending: () => gathering + queue.length + (busy ? 1 : 0),
    async close() {
      const w = worker;
      worker = null;
      for (const item of queue.splice(0)) fail(item, "the server is stopping");
      if (busy) fail(busy, "the server is stopping");
      busy = null;
      await w?.terminate();
    },
  };
}
