import { describe } from "vitest";
import { apiBehaviour } from "./api-behaviour";
import { useTarget, workerdTarget } from "./helpers/apiTarget";

// The shared API suite against the Workers build: workerd under wrangler dev, local D1 with the real migrations.
describe("API behaviour in workerd (D1)", () => {
  apiBehaviour(useTarget(() => workerdTarget()));
});
