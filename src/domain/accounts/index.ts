// The public surface of accounts: routes, pages and other domains import from here only.
export * from "./language";
export * from "./member";
export * from "./members";
export * from "./sessions";
export * from "./signIn";
