import type { outbox } from "../db/schema";
import type { OutgoingMail } from "./mailer";

export type OutboxRow = typeof outbox.$inferSelect;

export interface MailSettings {
  /** MAIL_FROM, e.g. `Plats <noreply@example.se>`. */
  from: string;
}

/** A message to send, or why it no longer should be. */
export type Composed = { mail: OutgoingMail } | { skip: string };

/** A mailbox such as `Plats <noreply@example.se>` as name and address (the name may be empty). */
export function parseMailbox(text: string): { name: string; address: string } {
  const angle = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<]*?))\s*<([^>]+)>\s*$/.exec(text);
  if (!angle) return { name: "", address: text.trim() };
  return { name: (angle[1]?.replace(/\\(.)/g, "$1") ?? angle[2] ?? "").trim(), address: angle[3]!.trim() };
}
