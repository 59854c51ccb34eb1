import type { OpenAPIV3_1 } from "openapi-types";
import { webhookTypes } from "../../../domain/webhooks";
import { ref } from "./registry";
import { eventMessage, invitationMessage, registrationMessage } from "./webhooks";

const headers = [
  { name: "webhook-id", description: "The message's id (msg_…): the same on every attempt; deduplicate by it." },
  { name: "webhook-timestamp", description: "Seconds since 1970 when this attempt was signed; refuse one more than five minutes off." },
  { name: "webhook-signature", description: "`v1,<base64 HMAC-SHA256 of id.timestamp.body>` under the endpoint's secret; two, space-separated, during a rotation's overlap." },
].map(({ name, description }): OpenAPIV3_1.ParameterObject => ({ in: "header", name, required: true, description, schema: { type: "string" } }));

/**
 * The document's `webhooks`: what Plats POSTs to an endpoint, per type (OpenAPI 3.1), so a
 * generated client has the messages' types too.
 */
export function webhookMessages(): Record<string, OpenAPIV3_1.PathItemObject> {
  return Object.fromEntries(
    webhookTypes.map((type) => {
      const schema = type.startsWith("event.") ? eventMessage : type.startsWith("invitation.") ? invitationMessage : registrationMessage;
      return [
        type,
        {
          post: {
            operationId: `webhook_${type.replace(".", "_")}`,
            tags: ["Webhooks"],
            summary: type,
            description: "Signed as Standard Webhooks says (docs/webhooks.md). Answer any 2xx within 10 seconds; anything else is retried for three days.",
            parameters: headers,
            requestBody: { required: true, content: { "application/json": { schema: ref(schema) } } },
            responses: { "2XX": { description: "Received; nothing more is sent for this id." } },
          },
        },
      ];
    }),
  );
}
