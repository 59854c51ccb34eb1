// The public surface of limits: routes, runtimes and other domains import from here only.
export * from "./budget";
