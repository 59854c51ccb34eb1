// The public surface of organisations: routes, pages and other domains import from here only.
export * from "./organisations";
export * from "./updateOrganisation";
export * from "./apiTokens";
export * from "./brand";
export * from "./logos";
export * from "./signingKey";
