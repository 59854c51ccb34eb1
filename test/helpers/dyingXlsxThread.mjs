// A stand-in for the export thread that dies on a sheet named "die": the pool must fail
// that job alone and start a new thread for the next.
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, sheet }) => {
  if (sheet === "die") process.exit(3);
  parentPort.postMessage({ id, bytes: new TextEncoder().encode(`built ${sheet}`) });
});
