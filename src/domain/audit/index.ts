// The public surface of audit: routes, pages and other domains import from here only.
export * from "./audit";
export * from "./auditIf";
export * from "./auditLogView";
