// The public surface of demo: routes, pages and other domains import from here only.
export * from "./demo";
