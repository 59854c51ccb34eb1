/**
 * Whether a host named in SMTP_URL is this machine: "localhost", 127.0.0.0/8 or ::1, the
 * only places a password may go without TLS, since nobody else can listen on loopback.
 * Anything else counts as remote, including spellings a resolver might still map to
 * loopback (127.1, ::ffff:127.0.0.1, "localhost." which may skip /etc/hosts for DNS):
 * refusing those is the safe mistake, whereas a leading zero ("0127.0.0.1") can mean
 * octal, i.e. another machine.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h === "::1") return true;
  return /^127(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(h);
}
