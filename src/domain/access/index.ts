// The public surface of access (invitations, approval, company quotas): routes, pages and other domains import from here only.
export * from "./approval";
export * from "./invitationInput";
export * from "./invitationLink";
export * from "./invitations";
export * from "./openInvitation";
export * from "./invitationRows";
