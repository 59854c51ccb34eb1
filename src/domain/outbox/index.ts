// The public surface of outbox: routes, pages and other domains import from here only.
export * from "./outboxRows";
export * from "./health";
export * from "./resend";
export * from "./mailHealth";
