import { BaseSequencer, type TestSpecification } from "vitest/node";

// Projects run one after another (vitest keeps a worker's module graph per project), by
// default in alphabetical order, which left workerd's start (a bundle, instances made by
// wrangler) alone at the end of the run with nothing to overlap. The slow starters go
// first so their waiting overlaps the in-process files, and the many short unit files
// fill the end. Within a project the order stays vitest's (longest or largest first).
const ORDER = ["workerd", "browser", "types", "node-http", "tz-new-york", "unit-isolated", "unit"];

export default class CostSequencer extends BaseSequencer {
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
