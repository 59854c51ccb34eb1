import { connect } from "cloudflare:sockets";
import type { ReadableStreamDefaultReader, Socket, WritableStreamDefaultWriter } from "@cloudflare/workers-types";
import { toBase64 } from "./mime";
import { SmtpReplyError } from "./sendOutcome";

export interface SmtpTarget {
  host: string;
  port: number;
  /** smtps://: TLS from the first byte; smtp://: STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
}

/** `smtp://user:pass@host:587` or `smtps://…:465`, as SMTP_URL is written on Node too. */
export function parseSmtpUrl(url: string): SmtpTarget {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  return {
    host: u.hostname.replace(/^\[|\]$/g, ""),
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
  };
}

// Well below the dispatcher's five-minute lease, as on Node.
const REPLY_TIMEOUT_MS = 30_000;

/**
 * Sends one raw message over SMTP with a socket from `cloudflare:sockets`: a connection
 * per message, since a socket belongs to the invocation that opened it. Throws
 * SmtpReplyError for a reply it did not want (the dispatcher classifies it), or any error
 * of the connection. Workers cannot reach port 25; use a submission port (587 or 465).
 */
export async function sendSmtp(
  target: SmtpTarget,
  envelope: { from: string; to: string; raw: string; helo: string },
): Promise<void> {
  let socket = connect(
    { hostname: target.host, port: target.port },
    { secureTransport: target.secure ? "on" : "starttls", allowHalfOpen: false },
  );
  let line = new Conversation(socket);
  try {
    await line.expect(null, "greeting", 220);
    let ehlo = await line.expect(`EHLO ${envelope.helo}`, "EHLO", 250);
    if (!target.secure && /^250[ -]STARTTLS\b/im.test(ehlo)) {
      await line.expect("STARTTLS", "STARTTLS", 220);
      line.release();
      socket = socket.startTls({ expectedServerHostname: target.host });
      line = new Conversation(socket);
      ehlo = await line.expect(`EHLO ${envelope.helo}`, "EHLO", 250);
    }
    if (target.user !== undefined) await authenticate(line, ehlo, target.user, target.pass ?? "");
    await line.expect(`MAIL FROM:<${envelope.from}>`, "MAIL FROM", 250);
    await line.expect(`RCPT TO:<${envelope.to}>`, "RCPT TO", 250, 251);
    await line.expect("DATA", "DATA", 354);
    // A line that starts with a dot gets another (RFC 5321 4.5.2); then the end mark.
    const body = envelope.raw.replace(/(^|\r\n)\./g, "$1..").replace(/(\r\n)?$/, "\r\n");
    await line.expect(`${body}.`, "DATA (message)", 250);
    await line.expect("QUIT", "QUIT", 221).catch(() => undefined);
  } finally {
    await socket.close().catch(() => undefined);
  }
}

const b64 = (text: string) => toBase64(new TextEncoder().encode(text));

async function authenticate(line: Conversation, ehlo: string, user: string, pass: string) {
  const offered = /^250[ -]AUTH[ =](.*)$/im.exec(ehlo)?.[1]?.toUpperCase().split(/\s+/) ?? [];
  if (offered.includes("PLAIN") || !offered.includes("LOGIN")) {
    await line.expect(`AUTH PLAIN ${b64(`\0${user}\0${pass}`)}`, "AUTH PLAIN", 235);
    return;
  }
  await line.expect("AUTH LOGIN", "AUTH LOGIN", 334);
  await line.expect(b64(user), "AUTH LOGIN", 334);
  await line.expect(b64(pass), "AUTH LOGIN", 235);
}

/** Commands written to a socket and the server's (possibly multi-line) replies. */
class Conversation {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";

  constructor(socket: Socket) {
    this.reader = socket.readable.getReader();
    this.writer = socket.writable.getWriter();
  }

  /** Sends `command` (null: only listen) and returns the reply if its code is one of `ok`. */
  async expect(command: string | null, label: string, ...ok: number[]): Promise<string> {
    if (command !== null) await this.writer.write(new TextEncoder().encode(`${command}\r\n`));
    const reply = await this.reply();
    const code = Number(reply.slice(0, 3));
    if (!ok.includes(code)) throw new SmtpReplyError(code, label, reply.replace(/\r?\n/g, " "));
    return reply;
  }

  release() {
    this.reader.releaseLock();
    this.writer.releaseLock();
  }

  private async reply(): Promise<string> {
    for (;;) {
      // A reply ends at a line whose code is followed by a space (or nothing).
      const end = /^\d{3}(?: [^\n]*)?\r?\n/m.exec(this.buffer);
      if (end) {
        const stop = end.index + end[0].length;
        const reply = this.buffer.slice(0, stop).trimEnd();
        this.buffer = this.buffer.slice(stop);
        return reply;
      }
      const chunk = await within(this.reader.read(), REPLY_TIMEOUT_MS);
      if (chunk.done) throw new Error("The SMTP server closed the connection.");
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }
}

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No reply from the SMTP server within ${ms / 1000} s.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
