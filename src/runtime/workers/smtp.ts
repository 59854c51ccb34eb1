import { connect } from "cloudflare:sockets";
import type { ReadableStreamDefaultReader, Socket, WritableStreamDefaultWriter } from "@cloudflare/workers-types";
import { toBase64 } from "./mime";
import { SmtpConfigError, SmtpReplyError } from "./sendOutcome";
import { isLoopbackHost } from "../../mail/smtpHost";
import type { SmtpTarget } from "./smtpTarget";

/**
 * Sends one raw message over SMTP with a socket from `cloudflare:sockets`: a connection
 * per message, since a socket belongs to the invocation that opened it. Throws
 * SmtpReplyError for a reply it did not want (the dispatcher classifies it), SmtpConfigError
 * for a password it will not send in the clear, or any error of the connection. Workers
 * cannot reach port 25; use a submission port (587 or 465).
 */
export async function sendSmtp(
  target: SmtpTarget,
  envelope: { from: string; to: string; raw: string; helo: string },
  // SMTP_TIMEOUT_SECONDS: the longest wait for a reply, well below the dispatcher's lease.
  timeoutMs: number,
): Promise<void> {
  const where = `${target.host.includes(":") ? `[${target.host}]` : target.host}:${target.port}`;
  let socket = connect(
    { hostname: target.host, port: target.port },
    { secureTransport: target.secure ? "on" : "starttls", allowHalfOpen: false },
  );
  let line = new Conversation(socket, timeoutMs);
  try {
    const greeting = () => line.expect(null, "greeting", 220);
    await (target.secure ? overTls(`TLS with ${where}`, socket, greeting, timeoutMs) : greeting());
    let ehlo = await line.expect(`EHLO ${envelope.helo}`, "EHLO", 250);
    let encrypted = target.secure;
    if (!target.secure && /^250[ -]STARTTLS\b/im.test(ehlo)) {
      await line.expect("STARTTLS", "STARTTLS", 220);
      line.release();
      socket = socket.startTls({ expectedServerHostname: target.host });
      line = new Conversation(socket, timeoutMs);
      ehlo = await overTls(`STARTTLS with ${where}`, socket, () => line.expect(`EHLO ${envelope.helo}`, "EHLO", 250), timeoutMs);
      encrypted = true;
    }
    if (target.user !== undefined) {
      // Checked here, not from the URL alone: smtp:// is fine once the server offers
      // STARTTLS, and a server (or someone in between) that drops the offer gets nothing.
      if (!encrypted && !isLoopbackHost(target.host)) {
        await line.expect("QUIT", "QUIT", 221).catch(() => undefined);
        throw new SmtpConfigError(
          `SMTP_URL: will not send the password to ${where} unencrypted: the server did not offer STARTTLS. ` +
            "Use smtps:// (port 465) or a server that offers STARTTLS; only localhost may be reached without TLS.",
        );
      }
      await authenticate(line, ehlo, target.user, target.pass ?? "");
    }
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

/**
 * The first exchange over a new TLS connection, so that a failed handshake says what
 * failed: workerd reports an untrusted or mismatched certificate as "cannot connect",
 * "Stream was cancelled." or an "internal error" with a reference.
 */
async function overTls<T>(what: string, socket: Socket, first: () => Promise<T>, timeoutMs: number): Promise<T> {
  try {
    await within(socket.opened, timeoutMs);
    return await first();
  } catch (err) {
    if (err instanceof SmtpReplyError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new SmtpConfigError(`${what} failed (is its certificate valid for that name and from a public CA?): ${why}`);
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

  constructor(
    socket: Socket,
    private readonly timeoutMs: number,
  ) {
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
      const chunk = await within(this.reader.read(), this.timeoutMs);
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
