import { describe } from "vitest";
import { apiBehaviour } from "./api-behaviour";
import { describedBehaviour } from "./api-behaviour/described";
import { nodeTarget, useTarget } from "./helpers/apiTarget";

// The shared API suite against the Node build: the real server over HTTP on a fresh libSQL file.
describe("API behaviour on Node (libSQL)", () => {
  const target = useTarget(nodeTarget);
  apiBehaviour(target);
  // Last: it reads what every suite above was answered.
  describedBehaviour(target);
});
