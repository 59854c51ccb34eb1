// Runs inside the export worker thread (started by xlsxWorker.ts through xlsxThread.mjs): builds each XLSX it is
// sent, one at a time, with the same code as the Workers runtime builds in-thread.
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { toXlsx, type Table } from "../../lib/spreadsheet";

export interface XlsxJob {
  id: number;
  table: Table;
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

parentPort?.on("message", async ({ id, table, sheet }: XlsxJob) => {
  let answer: XlsxAnswer;
  try {
    answer = { id, bytes: await toXlsx(table, sheet) };
  } catch (err) {
    answer = { id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  // The bytes move to the main thread rather than being copied.
  parentPort!.postMessage(answer, "bytes" in answer ? [answer.bytes.buffer] : []);
});
