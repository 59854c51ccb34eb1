// The public surface of privacy: routes, pages and other domains import from here only.
export * from "./personalData";
export * from "./retention";
