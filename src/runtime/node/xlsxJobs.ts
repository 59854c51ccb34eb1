// Runs inside the export worker thread (started by xlsxWorker.ts through xlsxThread.mjs): builds each XLSX it is
// sent, one at a time, with the same code as the Workers runtime builds in-thread.
import { parentPort } from "node:worker_threads";
import { toXlsx, type Table } from "../../lib/spreadsheet";

export interface XlsxJob {
  id: number;
  table: Table;
  sheet: string;
}
export type XlsxAnswer = { id: number; bytes: Uint8Array<ArrayBuffer> } | { id: number; error: string };

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
