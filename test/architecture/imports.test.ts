import { createRequire } from "node:module";
import { cruise } from "dependency-cruiser";
import { expect, test } from "vitest";

const require = createRequire(import.meta.url);
const rules = require("./dependency-rules.cjs");

// The floors (entries → app → http → domain → db/mail/calendar) hold only if nothing
// reaches around them: no cycle, no page importing a domain's inner file, no node: import
// in code that must also load in workerd. The rules are in dependency-rules.cjs.
test("src/ keeps the house rules for imports", async () => {
  const result = await cruise(["src"], { ...rules.options, validate: true, ruleSet: { forbidden: rules.forbidden } });
  const output = typeof result.output === "string" ? JSON.parse(result.output) : result.output;
  const violations = output.summary.violations.map(
    (v: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }) =>
      `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(" → ") : v.to}`,
  );
  expect(violations).toEqual([]);
  expect(output.summary.totalCruised).toBeGreaterThan(100);
}, 60_000);
