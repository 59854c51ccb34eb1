import type { OutboxKind } from "../src/db/schema";
import cancelled from "./cancelled";
import confirmed from "./confirmed";
import event_cancelled from "./event_cancelled";
import event_updated from "./event_updated";
import manage_link from "./manage_link";
import organiser_message from "./organiser_message";
import promoted from "./promoted";
import reminder from "./reminder";
import type { Template } from "./types";
import waitlisted from "./waitlisted";

/** One template per kind of message. */
export const templates: Record<Exclude<OutboxKind, "login_link">, Template> = {
  confirmed,
  waitlisted,
  promoted,
  cancelled,
  event_updated,
  event_cancelled,
  manage_link,
  reminder,
  organiser_message,
};
export { loginLinkEmail } from "./login_link";
export type { EmailData, Rendered } from "./types";
