import type { OutboxKind } from "../src/db/schema";
import cancelled from "./cancelled";
import confirmed from "./confirmed";
import event_cancelled from "./event_cancelled";
import event_updated from "./event_updated";
import expired from "./expired";
import manage_link from "./manage_link";
import offer_withdrawn from "./offer_withdrawn";
import offered from "./offered";
import organiser_message from "./organiser_message";
import promoted from "./promoted";
import application_declined from "./application_declined";
import application_received from "./application_received";
import reminder from "./reminder";
import session_cancelled from "./session_cancelled";
import session_changed from "./session_changed";
import session_promoted from "./session_promoted";
import substitute_confirmed from "./substitute_confirmed";
import substitute_replaced from "./substitute_replaced";
import type { Template } from "./types";
import waitlisted from "./waitlisted";

/** Messages to workspace members, each with its own template below. */
export type MemberKind = "login_link" | "organiser_activity" | "organiser_digest" | "webhook_disabled";

/** One template per kind of message to an attendee. */
export const templates: Record<Exclude<OutboxKind, MemberKind | "invitation">, Template> = {
  confirmed,
  waitlisted,
  promoted,
  offered,
  expired,
  offer_withdrawn,
  cancelled,
  event_updated,
  event_cancelled,
  manage_link,
  reminder,
  organiser_message,
  substitute_confirmed,
  substitute_replaced,
  session_promoted,
  session_changed,
  session_cancelled,
  application_received,
  application_declined,
};
export { invitationEmail, type InvitationData } from "./invitation";
export { loginLinkEmail } from "./login_link";
export { organiserActivityEmail, organiserDigestEmail, type OrganiserEventPart, type OrganiserMailData } from "./organiserMail";
export type { EmailBrand, EmailData, Rendered } from "./types";
export { webhookDisabledEmail, type WebhookDisabledData } from "./webhook_disabled";
