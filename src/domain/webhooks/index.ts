// The public surface of webhooks: routes, pages, runtimes and other domains import from here only.
export * from "./types";
export * from "./endpoints";
export * from "./deliveries";
export * from "./dispatch";
export { registrationDelivery, newRegistrationDeliveries, scrubInvitationDeliveries, eventDelivery, erasedDelivery, scrubRegistrationDeliveries, scrubEventDeliveries, pruneDeliveryLog, DELIVERY_LOG_KEPT_MS } from "./enqueue";
export { signedHeaders } from "./secret";
