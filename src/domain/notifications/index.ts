// The public surface of notifications: routes, pages, mail and the schedulers import from here only.
export * from "./preferences";
export * from "./activity";
export * from "./activityJob";
export * from "./digestJob";
