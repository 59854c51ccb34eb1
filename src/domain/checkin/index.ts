// The public surface of checkin: routes, pages and other domains import from here only.
export * from "./checkIn";
export * from "./checkinCode";
export * from "./checkinDesk";
