// The public surface of attendees: routes, pages and other domains import from here only.
export * from "./addAttendee";
export * from "./attendanceList";
export * from "./attendanceRows";
export * from "./attendeeRules";
export * from "./cancelByOrganiser";
export * from "./exportAttendees";
export * from "./listRegistrations";
export * from "./messageAttendees";
export * from "./organiserOffers";
export * from "./printList";
export * from "./promoteByHand";
export * from "./resendConfirmation";
export * from "./signupCurve";
export * from "./selection";
export * from "./findPeople";
export * from "./sessionColumns";
export * from "./sessionPrintList";
