import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Received } from "./smtp";

/**
 * A CA and a server certificate it signed for `names`, made at test time with Debian's
 * openssl and valid from now for a century: nothing in the repository can expire, and
 * no test depends on the date it runs. `bundle` writes the CA after `alsoTrust` (another
 * PEM file, e.g. a NODE_EXTRA_CA_CERTS already set) for a client to trust.
 */
export function makeCertificates(names: { dns?: string[]; ips?: string[] }, caName = "Plats test CA") {
  const dir = mkdtempSync(join(tmpdir(), "plats-tls-"));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  const newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl("req", "-x509", ...newKey, "-keyout", file("ca.key"), "-out", file("ca.pem"), "-days", "36500", "-subj", `/CN=${caName}`);
  openssl("req", ...newKey, "-keyout", file("server.key"), "-out", file("server.csr"), "-subj", "/CN=Plats test SMTP");
  const san = [...(names.dns ?? []).map((n) => `DNS:${n}`), ...(names.ips ?? []).map((ip) => `IP:${ip}`)].join(",");
  writeFileSync(file("ext.cnf"), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl("x509", "-req", "-in", file("server.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key"), "-CAcreateserial",
    "-out", file("server.pem"), "-days", "36500", "-extfile", file("ext.cnf"));
  return {
    key: readFileSync(file("server.key")),
    cert: readFileSync(file("server.pem")),
    bundle(alsoTrust?: string) {
      const extra = alsoTrust ? `${readFileSync(alsoTrust, "utf8").trim()}\n` : "";
      writeFileSync(file("trust.pem"), extra + readFileSync(file("ca.pem"), "utf8"));
      return file("trust.pem");
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Certificates = ReturnType<typeof makeCertificates>;

/**
 * A real SMTP server (smtp-server) on `host`: "starttls" offers STARTTLS and takes AUTH
 * only after it, "implicit" speaks TLS from the first byte (port 465 style), "plain" has
 * no TLS and takes AUTH anyway. It accepts any login or none, and writes down each login and
 * message with whether the connection was encrypted then.
 */
export async function startTlsSmtp(tls: "starttls" | "implicit" | "plain", host: string, certs?: Certificates) {
  const received: (Received & { secure: boolean })[] = [];
  const logins: { user: string; pass: string; secure: boolean }[] = [];
  const server = new SMTPServer({
    secure: tls === "implicit",
    ...(tls === "plain" ? { disabledCommands: ["STARTTLS"], allowInsecureAuth: true } : { key: certs!.key, cert: certs!.cert }),
    authMethods: ["PLAIN", "LOGIN"],
    authOptional: true,
    logger: false,
    onAuth(auth, session, callback) {
      logins.push({ user: auth.username ?? "", pass: auth.password ?? "", secure: session.secure });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const rcpt = session.envelope.rcptTo.map((r) => r.address);
        received.push({ raw, mail: await simpleParser(raw), rcpt, secure: session.secure });
        callback();
      });
    },
  });
  // A failed handshake is what some tests are about; the server must not throw over it.
  server.on("error", () => undefined);
  server.listen(0, host);
  await once(server.server, "listening");
  const port = (server.server.address() as { port: number }).port;
  return { port, received, logins, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * A scripted SMTP server on `host` that offers AUTH but not STARTTLS and writes down
 * every line it is sent, to show what a client wrote before it gave up. Anything past
 * EHLO and QUIT gets a 502, so a client that goes on shows up in the lines.
 */
export async function startTranscriptSmtp(host: string) {
  const lines: string[] = [];
  const server = createServer((socket) => {
    socket.write("220 transcript.test ESMTP\r\n");
    let buffer = "";
    socket.on("data", (data) => {
      buffer += data.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        lines.push(line);
        if (/^EHLO /i.test(line)) socket.write("250-transcript.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
        else if (/^QUIT$/i.test(line)) socket.end("221 2.0.0 Bye\r\n");
        else socket.write("502 5.5.1 Not in this script\r\n");
      }
    });
    socket.on("error", () => undefined);
  });
  server.listen(0, host);
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  return { port, lines, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
