// The public surface of seats: routes, pages and other domains import from here only.
export * from "./offers";
export * from "./promote";
export * from "./rules";
export * from "./sessionSeats";
