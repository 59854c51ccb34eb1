// What SMTP_URL names, apart from the socket code (which only loads in workerd), so the
// rules can be tested under Node too.

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
