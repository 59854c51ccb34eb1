import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { expect, test } from "vitest";
import { projectRoot } from "../helpers/server";

// `tsc --noEmit` over src/, test/ and emails/, as a test: it runs beside the other files
// instead of before them all, and a type error fails the run like any other test.
// TypeScript 7 (the `typescript7` alias: the native compiler, about five times faster than
// 5.9 on a cold run) on one thread, since the other files need the second core.
// Incremental: the build info, per checkout, under node_modules/.cache.
test("the TypeScript compiles (tsc --noEmit)", async () => {
  const checkout = createHash("sha256").update(projectRoot).digest("hex").slice(0, 12);
  const buildInfo = join(projectRoot, "node_modules", ".cache", "plats-tsc", `${checkout}.tsbuildinfo`);
  const tsc = join(projectRoot, "node_modules", "typescript7", "bin", "tsc");
  const child = spawn(process.execPath, [tsc, "--noEmit", "--singleThreaded", "--incremental", "--tsBuildInfoFile", buildInfo, "-p", projectRoot], { cwd: projectRoot });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  expect(output.trim(), "tsc --noEmit").toBe("");
  expect(code).toBe(0);
}, 180_000);
