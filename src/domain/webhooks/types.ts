/**
 * What an endpoint can subscribe to. `registration.<status>` is sent when a registration
 * enters that status (a new one included); `registration.promoted` when a seat comes from
 * the waitlist or an offer. The contract of issue 18: integrators program against these.
 */
export const webhookTypes = [
  "registration.created",
  "registration.pending",
  "registration.confirmed",
  "registration.waitlisted",
  "registration.offered",
  "registration.cancelled",
  "registration.declined",
  "registration.expired",
  "registration.promoted",
  "registration.substituted",
  "registration.sessions_changed",
  "registration.checked_in",
  "registration.erased",
  "event.created",
  "event.updated",
  "event.cancelled",
  "invitation.declined",
] as const;
export type WebhookType = (typeof webhookTypes)[number];

/** How long deliveries are retried, and how long an endpoint may fail before it is disabled. */
export const RETRY_FOR_MS = 3 * 24 * 60 * 60 * 1000;

/** How long the previous secret still signs after a rotation, so receivers can switch over. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** An organisation's endpoints at most: each change is written once per subscribed endpoint. */
export const MAX_ENDPOINTS = 20;
