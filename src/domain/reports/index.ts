// The public surface of reports: routes, pages and other domains import from here only.
export * from "./exportReport";
export * from "./participationReport";
export * from "./reportRange";
export * from "./sessionReport";
export * from "./sessionReportFiles";
export * from "./invitationReport";
