import { accessBehaviour } from "./access";
import { attendanceBehaviour } from "./attendance";
import { calendarBehaviour } from "./calendar";
import type { GetTarget } from "./common";
import { errorBehaviour } from "./errors";
import { eventBehaviour } from "./events";
import { outboxBehaviour } from "./outbox";
import { programmeBehaviour } from "./programme";
import { signupBehaviour } from "./signup";
import { waitlistBehaviour } from "./waitlist";

/**
 * The API's behavioural suite, written once: each runtime's entry file starts its build
 * and runs every assertion here against it (test/api-behaviour.node.test.ts,
 * test/api-behaviour.workerd.test.ts). Tests that need an injected clock stay in the
 * Node-only files; here every event is in the future or placed relative to real time.
 */
export function apiBehaviour(target: GetTarget) {
  signupBehaviour(target);
  waitlistBehaviour(target);
  eventBehaviour(target);
  outboxBehaviour(target);
  attendanceBehaviour(target);
  calendarBehaviour(target);
  errorBehaviour(target);
  programmeBehaviour(target);
  accessBehaviour(target);
}
