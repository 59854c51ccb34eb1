// The public surface of seats: routes, pages and other domains import from here only.
export * from "./promote";
export * from "./rules";
