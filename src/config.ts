import { z } from "zod";

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
    MAIL_DIR: z.string().min(1).default("./data/mail"),
    MAIL_FROM: z.string().min(3).default("Plats <noreply@localhost>"),
    SIGNUP_RATE_LIMIT: z.coerce
      .number({ message: "Must be a whole number (0 turns the limit off)." })
      .int()
      .min(0)
      .default(30),
    REMINDER_HOURS: z.coerce
      .number({ message: "Must be a number of hours (0 turns reminders off)." })
      .min(0)
      .max(24 * 14)
      .default(24),
    TRUST_PROXY: flag.default(false),
    DEMO: flag.default(true),
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

/** The signup rate limit as the app takes it. */
export const signupRateLimit = (config: Config) =>
  config.SIGNUP_RATE_LIMIT > 0 ? { limit: config.SIGNUP_RATE_LIMIT, windowMs: 60_000 } : null;
