import type { outbox } from "../db/schema";
import type { OutgoingMail } from "./mailer";

export type OutboxRow = typeof outbox.$inferSelect;

export interface MailSettings {
  /** MAIL_FROM, e.g. `Plats <noreply@example.se>`. */
  from: string;
}

/** A message to send, or why it no longer should be. */
export type Composed = { mail: OutgoingMail } | { skip: string };
