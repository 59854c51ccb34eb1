import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The suite in projects by what a file costs to run:
//   unit       in-process: app.request(), the services, an SMTP server in this process
//   node-http  the real Node server (or `npx plats`) over HTTP or as a child process
//   workerd    the Workers build in workerd: one shared instance per run (globalSetup)
//   browser    Debian's chromium: one browser per run (globalSetup), files connect to it
//   tz-new-york  the time-sensitive files again with TZ=America/New_York: what is shown
//              to people must not depend on the server's own time zone
//   types      tsc --noEmit, run beside the rest instead of before it
// `npm run test:fast` runs unit and node-http; `npm run test:future` runs the same with the
// system clock two years ahead (faketime), which no test may notice.
const nodeHttp = [
  "test/api-behaviour.node.test.ts",
  "test/admin-attendees-concurrency.test.ts",
  "test/cli.test.ts",
  "test/concurrency.test.ts",
  "test/server-rate-limit.test.ts",
  "test/start.test.ts",
  "test/webhooks.node.test.ts",
  "test/webhooks-crash.test.ts",
];
const workerd = [
  "test/api-behaviour.workerd.test.ts",
  "test/admin-exports.workerd.test.ts",
  "test/admin-attendees.workerd.test.ts",
  "test/assets.test.ts",
  "test/workerd.test.ts",
  "test/workerd-concurrency.test.ts",
  "test/workerd-group-signup.test.ts",
  "test/workerd-first-org.test.ts",
  "test/workerd-mail-bindings.test.ts",
  "test/workerd-offers.test.ts",
  "test/workerd-substitute.test.ts",
  "test/workerd-pages.test.ts",
  "test/workerd-branding.test.ts",
  "test/workerd-cover.test.ts",
  "test/workerd-openapi.test.ts",
  "test/workerd-scheduled.test.ts",
  "test/workerd-notifications.test.ts",
  "test/workerd-smtp-client.test.ts",
  "test/webhooks.workerd.test.ts",
  // Its D1 half runs in workerd through wrangler's getPlatformProxy.
  "test/db-client.test.ts",
];
const browser = ["test/*.browser.test.ts", "test/browser-*.test.ts", "test/admin-checkin-email.test.ts"];
const types = ["test/architecture/types.test.ts"];
// Files that load a second copy of a module on purpose: they get a module graph of their own.
const ownModules = ["test/statement-cache.test.ts"];
const timeSensitive = ["test/mail-*.test.ts", "test/reminders.test.ts", "test/api-behaviour.node.test.ts"];

// Projects run one after another (vitest keeps a worker's module graph per project), by
// default in alphabetical order, which left workerd's start (a bundle, instances made by
// wrangler) alone at the end of the run with nothing to overlap. The slow starters go
// first so their waiting overlaps the in-process files, and the many short unit files
// fill the end. Within a project the order stays vitest's (longest or largest first).
const ORDER = ["workerd", "browser", "types", "node-http", "tz-new-york", "unit-isolated", "unit"];

class CostSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = ORDER.indexOf(f.project.name);
      return i === -1 ? ORDER.length : i;
    };
    // Array.prototype.sort is stable: vitest's order holds within a project.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    // Each file makes its own database, organisations and ports, so files run in parallel
    // safely, and the shared workerd and browser serve every file at once.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // No file mocks a module or leaves a server behind: files in one worker share one
    // module graph instead of importing the app, playwright and the rest afresh each.
    isolate: false,
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    // vitest's default on a 2-core machine is one worker, which ran the files one after
    // another while most of them wait on a server, workerd or chromium (half the run
    // idle). Two keep both cores busy; three measured no faster and four slower, each
    // worker importing the app once more per project.
    maxWorkers: 2,
    sequence: { sequencer: CostSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...nodeHttp, ...workerd, ...browser, ...types, ...ownModules],
          env: { TZ: "UTC" },
        },
      },
      { extends: true, test: { name: "unit-isolated", include: ownModules, isolate: true, env: { TZ: "UTC" } } },
      { extends: true, test: { name: "node-http", include: nodeHttp, env: { TZ: "UTC" } } },
      { extends: true, test: { name: "workerd", include: workerd, env: { TZ: "UTC" }, globalSetup: ["./test/setup/workerd.ts"], setupFiles: ["./test/setup/freshConnections.ts"] } },
      { extends: true, test: { name: "browser", include: browser, env: { TZ: "UTC" }, globalSetup: ["./test/setup/browser.ts"] } },
      { extends: true, test: { name: "tz-new-york", include: timeSensitive, env: { TZ: "America/New_York" } } },
      { extends: true, test: { name: "types", include: types } },
    ],
  },
});
