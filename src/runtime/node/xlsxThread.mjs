// The export worker thread's entry. A worker does not inherit tsx's loader from the
// thread that starts it on Node 20, so it registers tsx itself before loading the
// TypeScript (the same way src/bin.mjs runs the CLI).
import { register } from "tsx/esm/api";

register();
await import("./xlsxJobs.ts");
