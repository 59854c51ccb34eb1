// The Worker as it would be uploaded: `wrangler deploy --dry-run --outdir` bundles it
// without an account, and its size is measured the way wrangler measures it.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { projectRoot } from "../helpers/server";

/**
 * The Workers Free plan's limit on a Worker's compressed size: 3 MiB (Cloudflare's
 * Workers limits page; wrangler 4.86's bundle reporter colours its "Total Upload" line
 * against the same `MAX_GZIP_SIZE_BYTES = 3 * 1024 * 1024`). Cloudflare has since moved to
 * one 64 MiB uncompressed limit on all plans; the older, stricter limit is kept here.
 */
export const FREE_PLAN_GZIP_LIMIT = 3 * 1024 * 1024;

export interface BundleSize {
  bytes: number;
  gzipBytes: number;
  /** wrangler's own "Total Upload" line, to cross-check the figures. */
  wranglerReport: string;
}

export function measureBundle(): BundleSize {
  const outdir = mkdtempSync(join(tmpdir(), "plats-bundle-"));
  try {
    const res = spawnSync(process.execPath, [join(projectRoot, "node_modules", "wrangler", "bin", "wrangler.js"), "deploy", "--dry-run", "--outdir", outdir], {
      cwd: projectRoot,
      env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", WRANGLER_LOG_PATH: join(outdir, "logs") },
      encoding: "utf8",
    });
    if (res.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${res.stdout}\n${res.stderr}`);
    // Modules only: source maps are uploaded beside the Worker but do not count, and the
    // folder's README.md is wrangler's note to the reader.
    const modules = readdirSync(outdir, { withFileTypes: true })
      .filter((f) => f.isFile() && /\.(m?js|cjs|wasm|txt|bin|html|sql)$/.test(f.name))
      .map((f) => readFileSync(join(outdir, f.name)));
    const all = Buffer.concat(modules);
    const wranglerReport = /Total Upload: ([^\n]+)/.exec(res.stdout)?.[1]?.replace(/\x1b\[[0-9;]*m/g, "").trim() ?? "(not printed)";
    return { bytes: all.length, gzipBytes: gzipSync(all).length, wranglerReport };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
