import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// What is shown to people must not depend on the server's own time zone: the whole suite
// runs with TZ=UTC, and the email, reminder and calendar suites once more in New York.
// The API suite on Node includes the calendar files.
const timeSensitive = ["test/mail-*.test.ts", "test/reminders.test.ts", "test/api-behaviour.node.test.ts"];

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    // Each file makes its own database and ports, so files run in parallel safely.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default", "./test/helpers/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "tz-utc", include: ["test/**/*.test.ts"], env: { TZ: "UTC" } } },
      { extends: true, test: { name: "tz-new-york", include: timeSensitive, env: { TZ: "America/New_York" } } },
    ],
  },
});
