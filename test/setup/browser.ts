import { randomUUID } from "node:crypto";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM, CHROMIUM_ARGS } from "../helpers/browser";
import { freePort } from "../helpers/server";

/**
 * globalSetup of the browser project: one chromium for the whole run, started in the
 * background at an address chosen first, so the other projects' files run meanwhile.
 * Each file connects to it (connectBrowser) and works in contexts of its own.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const wsPath = `/plats-${randomUUID()}`;
  const server = chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, host: "127.0.0.1", port, wsPath });
  server.catch(() => {});
  project.provide("browserWs", `ws://127.0.0.1:${port}${wsPath}`);
  return async () => {
    await (await server.catch(() => null))?.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's chromium (test/setup/browser.ts). */
    browserWs: string;
  }
}
