import { describe } from "vitest";
import { apiBehaviour } from "./api-behaviour";
import { nodeTarget, useTarget } from "./helpers/apiTarget";

// The shared API suite against the Node build: the real server over HTTP on a fresh libSQL file.
describe("API behaviour on Node (libSQL)", () => {
  apiBehaviour(useTarget(nodeTarget));
});
