import { describe, expect, it } from "vitest";
import type { GetTarget } from "./common";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

/**
 * Run last: every answer the suite got from an /api/v1 operation is one its description
 * names, the status and, for a refusal, the error code (the description's lists of codes
 * are written by hand in each route's `operation()`; this holds them to what the API does).
 */
export function describedBehaviour(target: GetTarget) {
  describe("the description", () => {
    it("names every status and error code the suite was answered with", async () => {
      const t = target();
      const doc: Doc = await (await fetch(`${t.url}/api/v1/openapi.json`)).json();
      const operations = Object.entries(doc.paths as Record<string, Record<string, Doc>>).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), match: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`), op })),
      );
      const undescribed = new Set<string>();
      for (const seen of t.answers) {
        // An address no operation has (route_not_found) is not an operation's answer.
        const found = operations.find((o) => o.method === seen.method && o.match.test(seen.path));
        if (!found) continue;
        const response = found.op.responses[String(seen.status)];
        const name = `${found.op.operationId}: ${seen.status}${seen.code ? ` ${seen.code}` : ""}`;
        if (!response) undescribed.add(name);
        else if (seen.code && !String(response.description).includes(`\`${seen.code}\``)) undescribed.add(name);
      }
      expect(t.answers.length).toBeGreaterThan(500);
      expect([...undescribed].sort()).toEqual([]);
    });
  });
}
