import { describe } from "vitest";
import { webhookBehaviour } from "./api-behaviour/webhooks";
import { useTarget } from "./helpers/apiTarget";
import { workerdWebhookTarget, type WebhookTarget } from "./helpers/webhookTarget";

// The same against the Workers build in workerd (local D1), its dispatcher run by the Cron Trigger.
describe("webhooks in workerd (D1)", () => {
  webhookBehaviour(useTarget(workerdWebhookTarget) as () => WebhookTarget);
});
