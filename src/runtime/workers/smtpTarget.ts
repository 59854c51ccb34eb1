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
