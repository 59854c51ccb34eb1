import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderInvite } from "../src/calendar/invite";
import type { OutgoingMail, SendOutcome } from "../src/mail/mailer";
import { smtpMailer } from "../src/runtime/node/mailers";
import { invitePart, startSmtp, type Received, type SmtpPolicy } from "./helpers/smtp";
import { makeCertificates, startTlsSmtp, startTranscriptSmtp, type Certificates } from "./helpers/smtpTls";
import { startWorkerd, type Workerd } from "./helpers/workerd";

// The Workers SMTP client (src/runtime/workers/smtp.ts) in workerd, over real sockets
// from cloudflare:sockets, to SMTP servers in this process that speak TLS with a
// certificate made at test time. workerd trusts its CA because wrangler's miniflare adds
// the PEM file named by NODE_EXTRA_CA_CERTS to the trusted certificates of workerd's
// "internet" service, which connect() goes through; TLS is verified, as the untrusted-CA
// and wrong-name cases show. The Worker is a small probe (helpers/smtpProbeWorker.ts)
// that sends with the real mailer to an SMTP_URL given per request.

// Only localhost needs no TLS. "127.1" reaches this machine's loopback like 127.0.0.1, but
// the client's locality check takes only the canonical spellings as local, so it plays a
// remote host without any traffic leaving loopback.
const remote = "127.1";
const USER = "plats@techtank.se";
const PASS = "hemligt lösen:1";
const login = `${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}`;
const all: { stop(): Promise<void> }[] = [];
let w: Workerd;
let trusted: Certificates;
let untrusted: Certificates;

async function server<T extends { stop(): Promise<void> }>(started: Promise<T>) {
  all.push(await started);
  return all.at(-1) as T;
}

beforeAll(async () => {
  trusted = makeCertificates({ dns: ["localhost", remote] });
  untrusted = makeCertificates({ dns: ["localhost"] }, "Nobody trusts this CA");
  // Read by wrangler when it starts (startWorkerd passes this process's environment on).
  const before = process.env.NODE_EXTRA_CA_CERTS;
  process.env.NODE_EXTRA_CA_CERTS = trusted.bundle(before);
  try {
    w = await startWorkerd({}, ["--name", "plats-smtp-probe", "test/helpers/smtpProbeWorker.ts"]);
  } finally {
    if (before === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = before;
  }
});
afterAll(async () => {
  await w?.stop();
  await Promise.all(all.map((s) => s.stop()));
  trusted?.remove();
  untrusted?.remove();
});

const mail = (n: number): OutgoingMail => ({
  messageId: `<msg_tls${n}@plats.test>`,
  from: { name: "Techtank Blekinge", address: "noreply@plats.test" },
  to: { name: "Åsa Öberg", address: "asa@example.se" },
  subject: `Bekräftelse ${n}: Leankonferens Blekinge – värdeflöden på riktigt`,
  text: "Hej Åsa!\n\n.En rad som börjar med punkt\nVälkommen.",
  html: "<p>Hej Åsa!</p><p>Välkommen.</p>",
  calendar: {
    method: "REQUEST",
    content: renderInvite({
      method: "REQUEST",
      uid: `reg_tls${n}@plats`,
      sequence: 1,
      stamp: new Date("2027-01-10T09:00:00Z"),
      event: {
        title: "Leankonferens Blekinge",
        description: "Föreläsningar och workshops.",
        venue: "BTH Campus Karlshamn",
        address: null,
        startsAt: new Date("2027-03-18T08:30:00Z"),
        endsAt: new Date("2027-03-18T15:30:00Z"),
        url: "https://plats.example.se/e/leankonferens",
      },
      organizer: { name: "Techtank", email: "evenemang@techtank.se" },
      attendee: { name: "Åsa Öberg", email: "asa@example.se" },
    }),
  },
  headers: { "Auto-Submitted": "auto-generated" },
});

async function send(smtpUrl: string, n: number, timeoutSeconds?: number): Promise<SendOutcome> {
  const res = await fetch(w.url, { method: "POST", body: JSON.stringify({ smtpUrl, mail: mail(n), timeoutSeconds }) });
  expect(res.status).toBe(200);
  return (await res.json()) as SendOutcome;
}

/** The message as the server parsed it back: every part intact after TLS and dot-stuffing. */
function expectDelivered(got: Received & { secure: boolean }, n: number) {
  expect(got.secure).toBe(true);
  expect(got.rcpt).toEqual(["asa@example.se"]);
  expect(got.mail.messageId).toBe(`<msg_tls${n}@plats.test>`);
  expect(got.mail.subject).toBe(`Bekräftelse ${n}: Leankonferens Blekinge – värdeflöden på riktigt`);
  expect(got.mail.to).toMatchObject({ value: [{ name: "Åsa Öberg", address: "asa@example.se" }] });
  expect(got.mail.text).toContain("\n.En rad som börjar med punkt\n");
  expect(got.mail.html).toContain("<p>Välkommen.</p>");
  expect(invitePart(got.raw)).toMatchObject({ mimeMethod: "REQUEST", method: "REQUEST", uid: `reg_tls${n}@plats` });
}

describe("TLS from workerd", () => {
  it("STARTTLS: upgrades smtp://, logs in only then, and delivers the message", async () => {
    const s = await server(startTlsSmtp("starttls", "127.0.0.1", trusted));
    expect(await send(`smtp://${login}@localhost:${s.port}`, 1)).toEqual({ ok: true });
    expect(s.logins).toEqual([{ user: USER, pass: PASS, secure: true }]);
    expect(s.received).toHaveLength(1);
    expectDelivered(s.received[0]!, 1);
  });

  it("implicit TLS (smtps://, port 465 style): logs in and delivers the message", async () => {
    const s = await server(startTlsSmtp("implicit", "127.0.0.1", trusted));
    expect(await send(`smtps://${login}@localhost:${s.port}`, 2)).toEqual({ ok: true });
    expect(s.logins).toEqual([{ user: USER, pass: PASS, secure: true }]);
    expect(s.received).toHaveLength(1);
    expectDelivered(s.received[0]!, 2);
  });

  it("STARTTLS to a host that is not this machine: the password goes once encrypted", async () => {
    const s = await server(startTlsSmtp("starttls", "127.0.0.1", trusted));
    expect(await send(`smtp://${login}@${remote}:${s.port}`, 3)).toEqual({ ok: true });
    expect(s.logins).toEqual([{ user: USER, pass: PASS, secure: true }]);
    expectDelivered(s.received[0]!, 3);
  });

  it("a certificate from a CA nobody trusts: nothing sent, retried, and the reason says TLS", async () => {
    const starttls = await server(startTlsSmtp("starttls", "127.0.0.1", untrusted));
    const implicit = await server(startTlsSmtp("implicit", "127.0.0.1", untrusted));
    const failed = (what: string) => ({ ok: false, kind: "setup", reason: expect.stringMatching(new RegExp(`^${what} failed \\(is its certificate valid`)) });
    expect(await send(`smtp://${login}@localhost:${starttls.port}`, 4)).toEqual(failed(`STARTTLS with localhost:${starttls.port}`));
    expect(await send(`smtps://${login}@localhost:${implicit.port}`, 5)).toEqual(failed(`TLS with localhost:${implicit.port}`));
    expect([...starttls.logins, ...implicit.logins]).toEqual([]);
    expect([...starttls.received, ...implicit.received]).toEqual([]);
  });

  it("a certificate for another name: refused (127.0.0.1 is not in it, localhost is)", async () => {
    const s = await server(startTlsSmtp("implicit", "127.0.0.1", trusted));
    expect(await send(`smtps://${login}@127.0.0.1:${s.port}`, 6)).toMatchObject({ ok: false, kind: "setup" });
    expect(s.logins).toEqual([]);
    expect(await send(`smtps://${login}@localhost:${s.port}`, 7)).toEqual({ ok: true });
  });
});

describe("a password never goes out unencrypted, except to this machine", () => {
  it("refuses AUTH to a remote server that offers no STARTTLS before writing the password; retried", async () => {
    const s = await server(startTranscriptSmtp("127.0.0.1"));
    const outcome = await send(`smtp://${login}@${remote}:${s.port}`, 8);
    expect(outcome).toEqual({
      ok: false,
      kind: "setup",
      reason:
        `SMTP_URL: will not send the password to ${remote}:${s.port} unencrypted: the server did not offer STARTTLS. ` +
        "Use smtps:// (port 465) or a server that offers STARTTLS; only localhost may be reached without TLS.",
    });
    // EHLO, then a polite QUIT: no AUTH command at all, so neither name nor password.
    expect(s.lines).toEqual(["EHLO plats.test", "QUIT"]);
  });

  it("sends AUTH in the clear to localhost, where nobody else can listen", async () => {
    const s = await server(startTlsSmtp("plain", "127.0.0.1"));
    expect(await send(`smtp://${login}@127.0.0.1:${s.port}`, 9)).toEqual({ ok: true });
    expect(await send(`smtp://${login}@localhost:${s.port}`, 10)).toEqual({ ok: true });
    expect(s.logins).toEqual([
      { user: USER, pass: PASS, secure: false },
      { user: USER, pass: PASS, secure: false },
    ]);
    expect(s.received.map((r) => r.mail.messageId)).toEqual(["<msg_tls9@plats.test>", "<msg_tls10@plats.test>"]);
  });

  it("without a password, a remote server with no STARTTLS still gets the message", async () => {
    // Nothing secret to keep back, and a relay that takes mail unauthenticated is its own choice.
    const s = await server(startTlsSmtp("plain", "127.0.0.1"));
    expect(await send(`smtp://${remote}:${s.port}`, 11)).toEqual({ ok: true });
    expect(s.logins).toEqual([]);
    expect(s.received.map((r) => [r.mail.messageId, r.secure])).toEqual([["<msg_tls11@plats.test>", false]]);
  });
});

describe("every kind of refusal, sorted the same on both runtimes", () => {
  // The same real SMTP server refuses in each way; the Workers client (in workerd) and the
  // Node one (nodemailer) must both come back with the same kind, and nothing delivered.
  const cases: { what: string; policy: SmtpPolicy; login?: boolean; kind: "message" | "setup" | "temporary"; says: RegExp }[] = [
    { what: "553 to MAIL FROM (a sender the relay does not accept)", policy: { refuseSender: "553 5.7.1 Sender address rejected: not owned by user" }, kind: "setup", says: /Sender address rejected/ },
    { what: "554 relay access denied at RCPT", policy: { refuse: () => "554 5.7.1 <asa@example.se>: Relay access denied" }, kind: "setup", says: /Relay access denied/ },
    { what: "535 to AUTH (a wrong password)", policy: { refuseLogin: true }, login: true, kind: "setup", says: /535/ },
    { what: "530 (a login required, none given)", policy: { refuseLogin: true }, kind: "setup", says: /[Aa]uthentication/ },
    { what: "550 at RCPT (no such mailbox)", policy: { refuse: () => "550 5.1.1 <asa@example.se>: Recipient address rejected: User unknown" }, kind: "message", says: /User unknown/ },
    { what: "451 at RCPT (try again later)", policy: { refuse: () => "451 4.3.0 Try again later" }, kind: "temporary", says: /451/ },
    { what: "no answer at RCPT (a server that hangs)", policy: { hang: () => true }, kind: "temporary", says: /./ },
  ];
  it.each(cases)("$what: $kind", async ({ policy, login: withLogin, kind, says }) => {
    const s = await server(startSmtp(policy));
    const url = `smtp://${withLogin ? `${login}@` : ""}127.0.0.1:${s.port}`;
    const node = smtpMailer(url, { timeoutSeconds: 1 });
    try {
      const [onWorkers, onNode] = await Promise.all([send(url, 20, 1), node.send(mail(21))]);
      expect(onWorkers).toEqual({ ok: false, kind, reason: expect.stringMatching(says) });
      expect(onNode).toEqual({ ok: false, kind, reason: expect.stringMatching(says) });
      expect(s.received).toEqual([]);
    } finally {
      node.close();
    }
  });
});
