import { Command, InvalidArgumentError } from "commander";
import { pathToFileURL } from "node:url";
import { ConfigError, readConfig } from "./config";
import { AppError, describeError } from "./lib/errors";
import { migrateDatabase, openDatabase } from "./runtime/node/database";
import { serviceContext, type ServiceContext } from "./domain/context";
import { seedDemo } from "./domain/demo";
import { createApiToken, createOrganisation, findOrganisationBySlug } from "./domain/organisations";
import { startServer } from "./node";
import type { Language, Role } from "./db/schema";
import { createMember, signInLinksFor } from "./domain/accounts";
import { mintLoginLink } from "./domain/accounts";
import { drainOutbox, heldLine } from "./mail/dispatcher";
import { firstOrganisationSql } from "./runtime/node/firstOrganisationSql";
import { mailerFor } from "./runtime/node/mailers";
import { applyRetention, describeRetention } from "./domain/privacy";
import { resendFailed } from "./domain/outbox";

// The link printed for a new member: long enough to reach them by other means.
const FIRST_LINK_TTL_MS = 24 * 3_600_000;

/**
 * Where the program reads its settings and writes its lines. `npx plats` uses the
 * process's own; tests run the same program in-process with their own.
 */
export interface CliIo {
  env: Record<string, string | undefined>;
  /** One line of output (stdout: what a script may capture, e.g. the SQL of --print-sql). */
  out(line: string): void;
  /** One line for the person at the terminal (stderr: errors, and secrets kept out of stdout). */
  err(line: string): void;
}

export const processIo = (): CliIo => ({ env: process.env, out: (line) => console.log(line), err: (line) => console.error(line) });

/** Runs `work` against the configured database, migrated first, and closes it after. */
async function withContextOf<T>(env: CliIo["env"], work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const config = readConfig(env);
  const database = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    await migrateDatabase(database.db);
    return await work(serviceContext({ db: database.db, publicUrl: config.PUBLIC_URL }));
  } finally {
    database.close();
  }
}

export function buildCli(io: CliIo = processIo()) {
  const { env, out } = io;
  const withContext = <T>(work: (ctx: ServiceContext) => Promise<T>) => withContextOf(env, work);
  const program = new Command("plats").description("Plats: registration for seminars, courses and conferences");
  // Set before the commands are added: subcommands copy these settings when created.
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => out(text.replace(/\n$/, "")),
    writeErr: (text) => io.err(text.replace(/\n$/, "")),
  });

  program
    .command("migrate")
    .description("apply pending database migrations")
    .action(() => withContext(async () => out("Migrations applied.")));

  program
    .command("serve")
    .description("serve the app (the same as npm start)")
    .action(async () => {
      await startServer(readConfig(env), out);
    });

  const org = program.command("org").description("organisations");
  org
    .command("create")
    .requiredOption("--slug <slug>", "short name used in URLs, e.g. techtank")
    .requiredOption("--name <name>", "display name")
    .option("--require-consent", "signups must accept the privacy notice")
    .option("--privacy-url <url>", "link to the organisation's privacy notice")
    .option("--email <address>", "the organisation's mailbox: organizer of calendar invites, reply-to of emails")
    .option("--embed-origin <origin...>", "sites allowed to show the signup form in an iframe, e.g. https://www.techtank.se")
    .option("--print-sql", "for a D1 database: print the organisation, an API token and its first owner as SQL instead (needs --owner)")
    .option("--owner <email>", "with --print-sql: the first owner's email address")
    .action(async (opts: { slug: string; name: string; requireConsent?: boolean; privacyUrl?: string; email?: string; embedOrigin?: string[]; printSql?: boolean; owner?: string }) => {
      const input = {
        slug: opts.slug,
        name: opts.name,
        requireConsent: !!opts.requireConsent,
        privacyUrl: opts.privacyUrl,
        contactEmail: opts.email,
        embedOrigins: opts.embedOrigin,
      };
      if (opts.printSql) {
        if (!opts.owner) throw new Error("--print-sql needs --owner <email>: the first owner.");
        const made = await firstOrganisationSql({ publicUrl: readConfig(env).PUBLIC_URL, organisation: input, owner: { email: opts.owner }, linkTtlMs: FIRST_LINK_TTL_MS });
        // stdout is the SQL file; the secrets go to the terminal only.
        io.err(`API token (shown only now): ${made.token}`);
        io.err(`Sign-in link for ${opts.owner} (once, within 24 hours): ${made.signInUrl}`);
        out(made.sql);
        return;
      }
      await withContext(async (ctx) => {
        const created = await createOrganisation({ ctx, input });
        out(`Created organisation ${created.slug} (${created.id}).`);
      });
    });

  program
    .command("token")
    .description("API tokens")
    .command("create")
    .requiredOption("--org <slug>", "the organisation the token acts for")
    .option("--name <label>", "what the token is for")
    .action((opts: { org: string; name?: string }) =>
      withContext(async (ctx) => {
        const found = await findOrganisationBySlug(ctx, opts.org);
        out(await createApiToken({ ctx, input: { orgId: found.id, name: opts.name } }));
      }),
    );

  const user = program.command("user").description("members of an organisation's workspace (/admin)");
  user
    .command("link")
    .description("print a fresh one-time sign-in link for an existing member (e.g. after a restart, or when mail does not arrive)")
    .requiredOption("--email <email>", "the member's email address")
    .option("--org <slug>", "only the account in this organisation (otherwise one link per organisation of the address)")
    .action((opts: { email: string; org?: string }) =>
      withContext(async (ctx) => {
        const orgId = opts.org ? (await findOrganisationBySlug(ctx, opts.org)).id : undefined;
        for (const account of await signInLinksFor({ ctx, input: { email: opts.email, orgId, ttlMs: FIRST_LINK_TTL_MS } })) {
          out(`Sign-in link for ${account.role} ${account.email} in ${account.org} (once, within 24 hours):`);
          out(`${ctx.publicUrl}/admin/login/link/${account.token}`);
        }
      }),
    );
  user
    .command("create")
    .requiredOption("--org <slug>", "the organisation")
    .requiredOption("--email <email>", "the member's email address")
    .option("--name <name>", "the member's name")
    .option("--role <role>", "owner, organiser or checkin", "owner")
    .option("--language <lang>", "language of login emails: sv, en or nb", "sv")
    .action((opts: { org: string; email: string; name?: string; role: string; language: string }) =>
      withContext(async (ctx) => {
        const found = await findOrganisationBySlug(ctx, opts.org);
        const member = await createMember({
          ctx,
          input: { orgId: found.id, email: opts.email, name: opts.name, role: opts.role as Role, language: opts.language as Language },
        });
        // The first sign-in: a one-time link, since no password exists yet.
        const token = await mintLoginLink(ctx, member.id, FIRST_LINK_TTL_MS);
        out(`Created ${member.role} ${member.email} in ${found.slug}. Sign in with this link within 24 hours, then set a password under Account:`);
        out(`${ctx.publicUrl}/admin/login/link/${token}`);
      }),
    );

  const outboxCommand = program.command("outbox").description("the outbox of emails");
  outboxCommand
    .command("retry")
    .description("queue failed emails to be sent again at once (on Workers: the workspace's button)")
    .requiredOption("--failed", "the emails that failed (the only ones this sends again)")
    .option("--since <date>", "only those written since then: 2026-11-30 or 2026-11-30T09:00Z", parseSince)
    .option("--org <slug>", "only this organisation's")
    .action((opts: { since?: Date; org?: string }) =>
      withContext(async (ctx) => {
        const orgId = opts.org ? (await findOrganisationBySlug(ctx, opts.org)).id : undefined;
        const queued = await resendFailed({ ctx, input: { since: opts.since, orgId } });
        out(`Queued ${queued} failed ${queued === 1 ? "email" : "emails"} to be sent again.`);
      }),
    );
  outboxCommand
    .command("run")
    .description("send what is due once")
    .action(() =>
      withContext(async (ctx) => {
        const config = readConfig(env);
        const mailer = mailerFor(config);
        try {
          const total = await drainOutbox({ ctx, mailer, settings: { from: config.MAIL_FROM } });
          out(`Sent ${total.sent}, failed ${total.failed}, retrying ${total.retrying}, skipped ${total.skipped}.`);
          if (total.held) io.err(heldLine(total.held));
        } finally {
          mailer.close();
        }
      }),
    );

  program
    .command("retention")
    .description("personal data of past events, by each organisation's retention setting")
    .command("run")
    .description("anonymise what is due and drop expired sessions and login links, once")
    .action(() => withContext(async (ctx) => out(describeRetention(await applyRetention({ ctx })))));

  program
    .command("demo")
    .description("create the demo organisation with events")
    .action(() =>
      withContext(async (ctx) => {
        const demo = await seedDemo({ ctx });
        for (const e of demo.events) out(`${e.title}: ${e.url}`);
        out(`Workspace: ${ctx.publicUrl}/admin/login/link/${await mintLoginLink(ctx, demo.owner.id, FIRST_LINK_TTL_MS)} (sign in as ${demo.owner.email} within 24 hours)`);
        out(`Demo organisation ${demo.org.slug} created; API token: ${demo.token}`);
      }),
    );

  return program;
}

/** `--since`: a date (midnight UTC) or a date and time with its zone, as ISO 8601 writes them. */
function parseSince(value: string): Date {
  const at = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw new InvalidArgumentError("Must be a date like 2026-11-30, or a time with its zone like 2026-11-30T09:00Z.");
  return at;
}

function explain(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  if (err instanceof AppError) return describeError(err);
  if (err && typeof err === "object" && "issues" in err) {
    const issues = (err as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    return issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
  }
  return err instanceof Error ? err.message : String(err);
}

/** Runs the program with `argv` (without node and script) and answers its exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()) {
  try {
    await buildCli(io).parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    // commander has already printed help and usage errors itself.
    if (err && typeof err === "object" && "exitCode" in err && "code" in err && String(err.code).startsWith("commander."))
      return (err as { exitCode: number }).exitCode;
    io.err(`plats: ${explain(err)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await runCli(process.argv.slice(2));
  if (code !== 0 || process.argv[2] !== "serve") process.exitCode = code;
}
