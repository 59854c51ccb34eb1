import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { Webhook } from "standardwebhooks";

/**
 * An endpoint's signing secret, `whsec_<base64>`, derived from the organisation's key and
 * the endpoint's salt. The secret itself is stored nowhere: the row holds the salt, and a
 * rotation is a new salt. (A signing secret cannot be kept as a hash: signing needs it.)
 */
export function endpointSecret(orgKey: string, salt: string): string {
  const bytes = hmac(sha256, utf8ToBytes(orgKey), utf8ToBytes(`webhook-secret:${salt}`));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The three Standard Webhooks headers for one attempt. During a rotation's overlap both
 * secrets sign (the signature header lists both), so a receiver still on the old secret
 * verifies, as one already on the new one does.
 */
export function signedHeaders(secrets: string[], id: string, at: Date, body: string): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, at, body));
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
