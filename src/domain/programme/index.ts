// The public surface of programmes: routes, pages and other domains import from here only.
export * from "./choices";
export * from "./sessionCheckIn";
export * from "./sessionList";
export * from "./sessionRules";
export * from "./sessions";
export * from "./sessionView";
export * from "./sessionDoor";
