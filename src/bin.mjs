#!/usr/bin/env node
// The `plats` command: runs the TypeScript CLI through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("./cli.ts");
const args = process.argv.slice(2);
const code = await runCli(args);
if (code !== 0 || args[0] !== "serve") process.exitCode = code;
