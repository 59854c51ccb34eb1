import { describe } from "vitest";
import { apiBehaviour } from "./api-behaviour";
import { describedBehaviour } from "./api-behaviour/described";
import { useTarget, workerdTarget } from "./helpers/apiTarget";

// The shared API suite against the Workers build: the bundle a deploy uploads, in workerd,
// over a local D1 with the real migrations. An instance of its own: the suite checks that a
// refused request leaves whole tables as they were, which other files' writes would spoil.
describe("API behaviour in workerd (D1)", () => {
  const target = useTarget(() => workerdTarget({ own: true }));
  apiBehaviour(target);
  // Last: it reads what every suite above was answered.
  describedBehaviour(target);
});
