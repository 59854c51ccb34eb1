import { describe } from "vitest";
import { webhookBehaviour } from "./api-behaviour/webhooks";
import { useTarget } from "./helpers/apiTarget";
import { nodeWebhookTarget, type WebhookTarget } from "./helpers/webhookTarget";

// Webhooks against the Node build: the real server over HTTP, its own dispatcher, a receiver in this process.
describe("webhooks on Node (libSQL)", () => {
  webhookBehaviour(useTarget(nodeWebhookTarget) as () => WebhookTarget);
});
