// Runs inside the export worker thread (started by xlsxWorker.ts through xlsxThread.mjs): builds each XLSX it is
// sent, one at a time, with the same code as the Workers runtime builds in-thread.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { sheetFromRecipe } from "../../domain/attendees";
import { serviceContext, type ServiceContext } from "../../domain/context";
import { toXlsx, wholeTable, type SheetRecipe, type Table } from "../../lib/spreadsheet";
import { openDatabase } from "./database";

/** A sheet to build: given whole, or named by its recipe and read here. */
export interface XlsxJob {
  id: number;
  table?: Table;
  recipe?: SheetRecipe;
  sheet: string;
}
export type XlsxAnswer = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; error: string };

// A file can wait a moment; a signup should not. On Linux a thread is a task of its own
// that can be given the lowest priority alone (its id from /proc/thread-self), so on a
// busy machine the event loop gets the CPU first. Elsewhere this does nothing.
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (tid) setPriority(tid, 19);
} catch {
  // Not Linux, or not allowed: the thread keeps the process's priority.
}

// The thread's own connection, opened at the first recipe: reads here never wait for the
// event loop, and the event loop never waits for them.
let context: Promise<ServiceContext> | undefined;
const ownContext = () => {
  const { database } = workerData as { database?: { url: string; authToken?: string } };
  if (!database) throw new Error("this export thread has no database to read a recipe from");
  // No links are made in a sheet, so no public address is needed.
  return (context ??= openDatabase(database.url, database.authToken).then(({ db }) => serviceContext({ db, publicUrl: "http://localhost" })));
};

async function tableOf(job: XlsxJob): Promise<Table> {
  if (job.table) return job.table;
  return wholeTable(await sheetFromRecipe(await ownContext(), job.recipe!));
}

parentPort?.on("message", async (job: XlsxJob) => {
  const { id, sheet } = job;
  let answer: XlsxAnswer;
  try {
    answer = { id, bytes: await toXlsx(await tableOf(job), sheet) };
  } catch (err) {
    answer = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // The bytes move to the main thread rather than being copied.
  parentPort!.postMessage(answer, "bytes" in answer ? [answer.bytes.buffer] : []);
});
