// The public surface of events: routes, pages and other domains import from here only.
export * from "./cancelEvent";
export * from "./cover";
export * from "./coverView";
export * from "./createEvent";
export * from "./dashboard";
export * from "./eventPage";
export * from "./eventRules";
export * from "./eventView";
export * from "./getEvent";
export * from "./listEvents";
export * from "./publishEvent";
export * from "./updateEvent";
export * from "./window";
export * from "./eventDrafts";
export * from "./emailTexts";
export * from "./translations";
