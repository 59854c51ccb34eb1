import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import ICAL from "ical.js";
import { freePort } from "./server";

export interface Received {
  raw: string;
  mail: ParsedMail;
  rcpt: string[];
}

/**
 * A real SMTP server in this process (smtp-server). Every message is kept raw and parsed
 * back with mailparser. It can be stopped and started again on the same port (an
 * outage), and can refuse chosen recipients with a 5xx reply.
 */
export interface SmtpPolicy {
  /** A reply to refuse this recipient with ("451 4.3.0 Try later"; no code means 550), or null. */
  refuse?: (address: string) => string | null;
  /** A reply to refuse every sender with at MAIL FROM ("553 5.7.1 Sender address rejected"). */
  refuseSender?: string | null;
  /** Require a login and refuse every one (535). */
  refuseLogin?: boolean;
  /** Never answer RCPT TO for this recipient (a server that hangs). */
  hang?: (address: string) => boolean;
}

const refusal = (reply: string) =>
  Object.assign(new Error(reply.replace(/^\d{3} /, "")), { responseCode: Number(/^(\d{3}) /.exec(reply)?.[1] ?? 550) });

/**
 * `policy` may be changed while the server runs (a relay whose configuration is fixed);
 * a login requirement takes effect at the next start.
 */
export async function startSmtp(policy: SmtpPolicy = {}) {
  const opts = policy;
  const port = await freePort();
  const received: Received[] = [];
  let server: SMTPServer | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: !opts.refuseLogin,
        allowInsecureAuth: true,
        disabledCommands: ["STARTTLS"],
        onAuth(_auth, _session, callback) {
          callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }));
        },
        logger: false,
        onMailFrom(_address, _session, callback) {
          callback(opts.refuseSender ? refusal(opts.refuseSender) : undefined);
        },
        onRcptTo(address, _session, callback) {
          if (opts.hang?.(address.address)) return;
          const refused = opts.refuse?.(address.address);
          callback(refused ? refusal(refused) : undefined);
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", async () => {
            const raw = Buffer.concat(chunks).toString("utf8");
            received.push({ raw, mail: await simpleParser(raw), rcpt: session.envelope.rcptTo.map((r) => r.address) });
            callback();
          });
        },
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    policy: opts,
    received,
    start,
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The text/calendar part of a raw message: its MIME method= and the parsed VCALENDAR. */
export function invitePart(raw: string) {
  const header = /Content-Type: text\/calendar;[^\r\n]*method=(\w+)/i.exec(raw);
  if (!header) return null;
  const body = /Content-Type: text\/calendar[\s\S]*?\r?\n\r?\n([\s\S]*?)\r?\n--/.exec(raw)?.[1] ?? "";
  const encoding = /Content-Type: text\/calendar[\s\S]*?Content-Transfer-Encoding: ([\w-]+)/i.exec(raw)?.[1]?.toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : body;
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    mimeMethod: header[1]!,
    text,
    method: String(calendar.getFirstPropertyValue("method")),
    uid: String(event.getFirstPropertyValue("uid")),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: String(event.getFirstPropertyValue("status")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
    organizer: String(event.getFirstPropertyValue("organizer")),
    attendees: event.getAllProperties("attendee").map((p) => ({
      address: String(p.getFirstValue()),
      partstat: p.getParameter("partstat"),
    })),
    description: String(event.getFirstPropertyValue("description") ?? ""),
  };
}

function decodeQuotedPrintable(s: string) {
  const bytes = s
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
