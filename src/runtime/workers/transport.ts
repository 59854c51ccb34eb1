import type { Config } from "../../config";

export type Transport = "email" | "smtp" | "none";

/**
 * Which mail transport a Worker uses: MAIL_TRANSPORT when set, else SMTP when SMTP_URL
 * is set, else Cloudflare Email Service when the EMAIL binding exists, else none
 * (messages wait in the outbox until a transport is configured; none is lost).
 */
export function chooseTransport(config: Pick<Config, "MAIL_TRANSPORT" | "SMTP_URL">, hasEmailBinding: boolean): Transport {
  return config.MAIL_TRANSPORT ?? (config.SMTP_URL ? "smtp" : hasEmailBinding ? "email" : "none");
}
