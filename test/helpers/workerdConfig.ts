import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./server";

/**
 * wrangler.toml as it ships, plus `extra` TOML (a binding a deployment would uncomment),
 * written to a temporary folder with its paths made absolute. The D1 binding and its id
 * are unchanged, so the local database startWorkerd migrates is the one the worker opens.
 * Returns the arguments to hand startWorkerd.
 */
export function wranglerConfigWith(extra: string): string[] {
  const shipped = readFileSync(join(projectRoot, "wrangler.toml"), "utf8");
  const absolute = shipped
    .replace(/^main = "(.*)"$/m, (_, p: string) => `main = ${JSON.stringify(join(projectRoot, p))}`)
    .replace(/^migrations_dir = "(.*)"$/m, (_, p: string) => `migrations_dir = ${JSON.stringify(join(projectRoot, p))}`);
  const file = join(mkdtempSync(join(tmpdir(), "plats-wrangler-")), "wrangler.toml");
  writeFileSync(file, `${absolute}\n${extra}\n`);
  return ["--config", file];
}
