import { afterEach, describe, expect, it } from "vitest";
import type { OutgoingMail } from "../src/mail/mailer";
import { smtpMailer } from "../src/runtime/node/mailers";
import { makeCertificates, startTlsSmtp } from "./helpers/smtpTls";

// The Node transport keeps the Workers client's rule: a password goes to another machine
// only encrypted. "127.1" reaches loopback but is not a spelling the rule takes as local,
// so it plays a remote server without traffic leaving this machine.
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});

const mail: OutgoingMail = {
  messageId: "<msg_node_tls@plats.test>",
  from: { name: "Techtank Blekinge", address: "noreply@plats.test" },
  to: { name: "Åsa Öberg", address: "asa@example.se" },
  subject: "Bekräftelse: Leankonferens Blekinge",
  text: "Hej Åsa!",
  html: "<p>Hej Åsa!</p>",
  headers: {},
};

async function plainServer() {
  const server = await startTlsSmtp("plain", "127.0.0.1");
  stops.push(server.stop);
  return server;
}

function mailer(url: string) {
  const m = smtpMailer(url);
  stops.push(() => m.close());
  return m;
}

describe("a password over SMTP on Node", () => {
  it("is not sent to a remote server that offers no STARTTLS: nothing goes out, and it is retried", async () => {
    const s = await plainServer();
    const outcome = await mailer(`smtp://plats:hemligt@127.1:${s.port}`).send(mail);
    expect(outcome).toMatchObject({ ok: false, kind: "setup" });
    expect(s.logins).toEqual([]);
    expect(s.received).toEqual([]);
  });

  it("goes in the clear only to this machine", async () => {
    const s = await plainServer();
    expect(await mailer(`smtp://plats:hemligt@127.0.0.1:${s.port}`).send(mail)).toEqual({ ok: true });
    expect(s.logins).toEqual([{ user: "plats", pass: "hemligt", secure: false }]);
    expect(s.received).toHaveLength(1);
  });

  it("is not needed: without one, a remote relay with no STARTTLS still gets the message", async () => {
    const s = await plainServer();
    expect(await mailer(`smtp://127.1:${s.port}`).send(mail)).toEqual({ ok: true });
    expect(s.received.map((r) => r.mail.messageId)).toEqual(["<msg_node_tls@plats.test>"]);
  });
});

describe("a TLS handshake that fails on Node", () => {
  it("is the set-up's (it holds the queue), for implicit TLS and STARTTLS alike; nothing is sent", async () => {
    const untrusted = makeCertificates({ dns: ["localhost"] }, "Nobody trusts this CA");
    stops.push(untrusted.remove);
    for (const [tls, scheme] of [["implicit", "smtps"], ["starttls", "smtp"]] as const) {
      const s = await startTlsSmtp(tls, "127.0.0.1", untrusted);
      stops.push(s.stop);
      const outcome = await mailer(`${scheme}://plats:hemligt@localhost:${s.port}`).send(mail);
      expect(outcome, tls).toMatchObject({ ok: false, kind: "setup" });
      expect(s.logins).toEqual([]);
      expect(s.received).toEqual([]);
    }
  });
});
