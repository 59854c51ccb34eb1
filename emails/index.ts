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
import reminder from "./reminder";
import substitute_confirmed from "./substitute_confirmed";
import substitute_replaced from "./substitute_replaced";
import type { Template } from "./types";
import waitlisted from "./waitlisted";

/** One template per kind of message. */
export const templates: Record<Exclude<OutboxKind, "login_link">, Template> = {
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
};
export { loginLinkEmail } from "./login_link";
export type { EmailBrand, EmailData, Rendered } from "./types";
