import { z } from "zod";
import { cloudflareTurnstile } from "./http/web/turnstile";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "Must be true or false." })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const schema = z
  .object({
    PORT: z.coerce.number({ message: "Must be a port number." }).int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, "Must be a file: path or a libsql://, http(s):// or ws(s):// URL.")
      .default("file:./data/plats.db"),
    DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
    PUBLIC_URL: z.url({ protocol: /^https?$/, message: "Must be an http(s) URL." }).optional(),
    SMTP_URL: z.url({ protocol: /^smtps?$/, message: "Must be an smtp:// or smtps:// URL." }).optional(),
    // How long a mail server may keep us waiting for a reply before the send counts as
    // failed for now (and is retried): well below the dispatcher's five-minute lease.
    SMTP_TIMEOUT_SECONDS: z.coerce.number({ message: "Must be a number of seconds." }).int().min(1).max(120).default(30),
    MAIL_DIR: z.string().min(1).default("./data/mail"),
    MAIL_FROM: z.string().min(3).default("Plats <noreply@localhost>"),
    // Workers only (Node sends over SMTP_URL or writes .eml files): which transport the
    // dispatcher uses; unset picks smtp with SMTP_URL, else the EMAIL binding, else none.
    MAIL_TRANSPORT: z.enum(["email", "smtp", "none"], { message: "Must be email, smtp or none." }).optional(),
    // Workers only: messages one cron run sends at most. D1 allows 50 queries per
    // invocation on the Free plan (1000 on Paid) and a message takes about seven.
    OUTBOX_PER_RUN: z.coerce.number({ message: "Must be a whole number of messages." }).int().min(1).max(1000).default(6),
    // Workers only: webhook deliveries one cron run attempts at most, in an invocation apart
    // from the mail's. An attempt takes four to seven queries, and D1's Free plan allows
    // 50 per invocation.
    WEBHOOKS_PER_RUN: z.coerce.number({ message: "Must be a whole number of deliveries." }).int().min(1).max(1000).default(6),
    // How long one webhook attempt may take, headers and body (at most 10 s).
    WEBHOOK_TIMEOUT_MS: z.coerce.number({ message: "Must be a number of milliseconds." }).int().min(100).max(10_000).default(10_000),
    // Webhooks to private, loopback and link-local addresses and over plain http: for local
    // development and tests only.
    WEBHOOK_ALLOW_PRIVATE: flag.default(false),
    SIGNUP_RATE_LIMIT: z.coerce
      .number({ message: "Must be a whole number (0 turns the limit off)." })
      .int()
      .min(0)
      .default(30),
    // Per client address and hour: people signed up with an address other than the
    // submitter's (a group's colleagues), each of whom gets an email.
    SIGNUP_OTHER_ADDRESS_LIMIT: z.coerce
      .number({ message: "Must be a whole number (0 turns the limit off)." })
      .int()
      .min(0)
      .default(20),
    REMINDER_HOURS: z.coerce
      .number({ message: "Must be a number of hours (0 turns reminders off)." })
      .min(0)
      .max(24 * 14)
      .default(24),
    // How long a rendered public page is served as it is before its stamp is checked in
    // the database (the counts it shows may be that far behind; 0: checked on every view).
    PAGE_CACHE_MS: z.coerce.number({ message: "Must be a number of milliseconds." }).int().min(0).max(60_000).default(1000),
    TRUST_PROXY: flag.default(false),
    TURNSTILE_SITE_KEY: z.string().min(1).optional(),
    TURNSTILE_SECRET_KEY: z.string().min(1).optional(),
    DEMO: flag.default(true),
  })
  .refine((env) => env.MAIL_TRANSPORT !== "smtp" || env.SMTP_URL, {
    message: "MAIL_TRANSPORT=smtp needs SMTP_URL.",
    path: ["SMTP_URL"],
  })
  .refine((env) => !env.TURNSTILE_SITE_KEY === !env.TURNSTILE_SECRET_KEY, {
    message: "Set both TURNSTILE_SITE_KEY and TURNSTILE_SECRET_KEY, or neither.",
    path: ["TURNSTILE_SECRET_KEY"],
  })
  .transform((env) => ({ ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` }));

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads the configuration from an environment (process.env on Node, bindings on
 * Workers). Empty strings count as unset. A bad value names its variable.
 */
export function readConfig(env: Record<string, unknown>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "" && v !== undefined));
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

/** The signup rate limit as the app takes it: people signed up per client address and minute. */
export const signupRateLimit = (config: Config) =>
  config.SIGNUP_RATE_LIMIT > 0 ? { limit: config.SIGNUP_RATE_LIMIT, windowMs: 60_000 } : null;

/** Other people's addresses signed up per client address and hour, as the app takes it. */
export const otherAddressLimit = (config: Config) =>
  config.SIGNUP_OTHER_ADDRESS_LIMIT > 0 ? { limit: config.SIGNUP_OTHER_ADDRESS_LIMIT, windowMs: 3_600_000 } : null;

/** Cloudflare Turnstile on the signup form, when both keys are set. */
export const turnstileFor = (config: Config) =>
  config.TURNSTILE_SITE_KEY && config.TURNSTILE_SECRET_KEY
    ? cloudflareTurnstile(config.TURNSTILE_SITE_KEY, config.TURNSTILE_SECRET_KEY)
    : null;
