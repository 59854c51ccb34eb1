// The public surface of calendars: routes, pages and other domains import from here only.
export * from "./calendarFeeds";
export * from "./sessionEntries";
export * from "./sessionFeed";
