import { describe, expect, it } from "vitest";
import { SmtpConfigError, SmtpReplyError, smtpOutcome } from "../src/runtime/workers/sendOutcome";
import { isLoopbackHost } from "../src/mail/smtpHost";
import { parseSmtpUrl } from "../src/runtime/workers/smtpTarget";

// The Workers SMTP client's rules that need no socket: which hosts may get a password
// without TLS, and how a refusal to send one is classified. The sockets themselves are
// tested in workerd by workerd-smtp-client.test.ts.

describe("isLoopbackHost: where a password may go unencrypted", () => {
  it.each(["localhost", "LOCALHOST", "127.0.0.1", "127.0.0.2", "127.255.255.254", "127.1.2.3", "::1", "[::1]"])(
    "%s is this machine",
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each([
    "smtp.example.se",
    "localhost.example.se",
    "mylocalhost",
    "127.example.se",
    "127.0.0.1.nip.io",
    "128.0.0.1",
    "10.0.0.1",
    "192.168.1.10",
    "0.0.0.0",
    "::",
    "::2",
    "fe80::1",
    // Spellings a resolver may or may not map to loopback count as remote (refused, the
    // safe mistake); a leading zero can be octal: 0127 is 87, another machine.
    "127.1",
    "0127.0.0.1",
    "127.000.000.001",
    "127.0.0.256",
    "127.0.0.1.",
    "localhost.",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "",
  ])("%s is not", (host) => expect(isLoopbackHost(host)).toBe(false));

  it("applies to the host as SMTP_URL is parsed", () => {
    expect(isLoopbackHost(parseSmtpUrl("smtp://u:p@localhost:2525").host)).toBe(true);
    expect(isLoopbackHost(parseSmtpUrl("smtp://u:p@127.0.0.1:2525").host)).toBe(true);
    // URL normalises an IPv6 literal, so any spelling of ::1 is local.
    expect(parseSmtpUrl("smtp://u:p@[0:0:0:0:0:0:0:1]:2525").host).toBe("::1");
    expect(isLoopbackHost(parseSmtpUrl("smtp://u:p@[0:0::1]:2525").host)).toBe(true);
    expect(isLoopbackHost(parseSmtpUrl("smtp://u:p@smtp.example.se:587").host)).toBe(false);
  });
});

describe("parseSmtpUrl", () => {
  it("reads smtp:// (STARTTLS when offered, 587) and smtps:// (TLS from the first byte, 465)", () => {
    expect(parseSmtpUrl("smtp://smtp.example.se")).toEqual({ host: "smtp.example.se", port: 587, secure: false });
    expect(parseSmtpUrl("smtps://n%C3%A5gon%40techtank.se:p%40ss%3Aord@smtp.example.se")).toEqual({
      host: "smtp.example.se",
      port: 465,
      secure: true,
      user: "någon@techtank.se",
      pass: "p@ss:ord",
    });
  });
});

describe("a password the client will not send", () => {
  it("is a configuration error the outbox retries, not a failure of the message", () => {
    const outcome = smtpOutcome(new SmtpConfigError("SMTP_URL: will not send the password to smtp.example.se:587 unencrypted"));
    expect(outcome).toEqual({ ok: false, kind: "setup", reason: "SMTP_URL: will not send the password to smtp.example.se:587 unencrypted" });
    // Like a refused login, which is also about the set-up.
    expect(smtpOutcome(new SmtpReplyError(535, "AUTH PLAIN", "535 5.7.8 Authentication failed"))).toMatchObject({ kind: "setup" });
  });
});
