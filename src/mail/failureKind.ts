/**
 * Why a message did not go, which decides what happens to it and to the queue:
 * - `message`: this message is refused (its recipient's mailbox, its content): it fails
 *   at once, with the server's reason, and can be sent again by hand;
 * - `setup`: our configuration is refused (the sender, relaying, the login, TLS): every
 *   message would fail alike, so the queue is held and retried with backoff, for up to
 *   three days, until the configuration is fixed;
 * - `temporary`: the server or the network, for now (4xx, a dropped connection, a
 *   timeout): this message is retried with backoff.
 */
export type FailureKind = "message" | "setup" | "temporary";

// A mailbox that does not exist, moved, is full, or has a bad name: that address only.
const REFUSED_MAILBOX = new Set([550, 551, 552, 553]);

/**
 * What an SMTP reply of `code` to `command` means, the same on Node and on Workers. At
 * RCPT, a refused mailbox is the message's; 554 or a policy code (5.7.x, "relay") there
 * is how servers refuse to relay for a client that has not signed in, which is ours. A
 * 5xx to MAIL FROM (the sender), AUTH, EHLO or STARTTLS is ours; to DATA, the content's.
 */
export function smtpReplyKind(code: number, command: string, reply = ""): FailureKind {
  if (code < 500) return "temporary";
  const verb = command.trim().toUpperCase();
  if (verb.startsWith("RCPT")) {
    const policy = /\b5\.7\.\d{1,3}\b/.test(reply) || /\brelay/i.test(reply);
    return REFUSED_MAILBOX.has(code) && !policy ? "message" : "setup";
  }
  if (verb.startsWith("DATA")) return "message";
  return "setup";
}
