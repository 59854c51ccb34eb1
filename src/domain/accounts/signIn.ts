import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { loginFailures, loginLinks, outbox, users } from "../../db/schema";
import { DUMMY_HASH, hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../../lib/password";
import { newId, newSecret, sha256Hex } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { emailKey } from "../../lib/emailKey";

export const LOGIN_LINK_TTL_MS = 15 * 60_000;
// A login-link request re-sends at most this often per account (no inbox flooding).
const LINK_RESEND_MS = 60_000;

// Free attempts before each further one must wait, doubling up to the cap. An address
// (a whole office behind one NAT) gets more than one account does.
const FREE_FAILURES = { email: 5, ip: 20 } as const;
const MAX_DELAY_MS = 15 * 60_000;
// Failures older than this are forgotten.
const FORGET_AFTER_MS = 60 * 60_000;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const throttleKeys = (emailKey: string, ip: string | undefined) => [
  { key: `email:${emailKey}`, free: FREE_FAILURES.email },
  ...(ip ? [{ key: `ip:${ip}`, free: FREE_FAILURES.ip }] : []),
];

/** The wait before the next attempt after `failures` of them, `since` ms after the last. */
function waitAfter(failures: number, free: number, since: number) {
  if (since > FORGET_AFTER_MS || failures < free) return 0;
  return Math.max(0, Math.min(1000 * 2 ** (failures - free), MAX_DELAY_MS) - since);
}

/**
 * Counts this attempt as a failure before the password is even checked, unless the keys
 * are in their waiting time; returns how long that is (0: the attempt may go ahead). Read
 * and count in one atomic batch, so attempts sent together are counted one after the
 * other and cannot all slip through while the first is still being hashed. A success
 * clears the count afterwards.
 */
async function chargeAttempt(ctx: ServiceContext, keys: { key: string; free: number }[]) {
  const now = ctx.now().getTime();
  const forgetBefore = now - FORGET_AFTER_MS;
  const [before] = (await ctx.db.batch([
    ctx.db.select().from(loginFailures).where(inArray(loginFailures.key, keys.map((k) => k.key))),
    ...keys.map(({ key, free }) =>
      ctx.db.run(sql`
        INSERT INTO login_failures (key, failures, last_failure_at) VALUES (${key}, 1, ${now})
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN last_failure_at < ${forgetBefore} THEN 1 ELSE failures + 1 END,
          last_failure_at = ${now}
        -- The same rule as waitAfter: an attempt in the waiting time is not counted.
        WHERE last_failure_at < ${forgetBefore} OR failures < ${free}
           OR ${now} - last_failure_at >= min(1000 * (1 << min(failures - ${free}, 20)), ${MAX_DELAY_MS})`),
    ),
  ] as never)) as [(typeof loginFailures.$inferSelect)[]];
  let wait = 0;
  for (const row of before) {
    const free = keys.find((k) => k.key === row.key)!.free;
    wait = Math.max(wait, waitAfter(row.failures, free, now - row.lastFailureAt.getTime()));
  }
  return wait;
}

/**
 * Email and password. Every refusal reads the same ("wrong"), whether the address is
 * unknown or the password wrong, and takes as long. Repeated failures per address and
 * per client make each further attempt wait, doubling, up to 15 minutes.
 */
export async function signInWithPassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { email: string; password: string; clientIp?: string };
}): Promise<SignInResult> {
  // An address is at most 254 characters: a longer one is no account, and no key to store.
  const key = emailKey(input.email).slice(0, 254);
  const keys = throttleKeys(key, input.clientIp);
  const wait = await chargeAttempt(ctx, keys);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: Math.ceil(wait / 1000) };

  // One address may belong to several organisations; the password picks the account.
  const candidates = await ctx.db
    .select({ id: users.id, hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.emailKey, key), isNull(users.disabledAt)))
    .orderBy(users.createdAt)
    .limit(5);
  let match: { id: string; hash: string } | undefined;
  for (const c of candidates) {
    if (c.hash && (await verifyPassword(input.password, c.hash))) {
      match = { id: c.id, hash: c.hash };
      break;
    }
  }
  if (!candidates.some((c) => c.hash)) await verifyPassword(input.password, DUMMY_HASH);
  if (!match) return { ok: false, reason: "wrong" };
  // Success clears the account's count and takes back this attempt from the client's, so
  // an office signing in all morning behind one address is never slowed down.
  await ctx.db.batch([
    ctx.db.delete(loginFailures).where(eq(loginFailures.key, `email:${key}`)),
    ctx.db.run(sql`UPDATE login_failures SET failures = max(failures - 1, 0) WHERE key = ${`ip:${input.clientIp ?? ""}`}`),
  ]);
  // Hashes made with fewer iterations are upgraded while the password is at hand.
  if (!match.hash.startsWith(`pbkdf2-sha256$${PBKDF2_ITERATIONS}$`))
    await ctx.db.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, match.id));
  return { ok: true, userId: match.id };
}

/**
 * A signed-in member's current password, checked as a sign-in is: counted against their
 * address and made to wait in the same way, so a stolen session cannot guess it quickly.
 * A right one clears the count.
 */
export async function checkCurrentPassword(
  ctx: ServiceContext,
  input: { email: string; password: string; hash: string },
): Promise<{ ok: true } | { ok: false; retryAfterSeconds?: number }> {
  const key = emailKey(input.email).slice(0, 254);
  const wait = await chargeAttempt(ctx, throttleKeys(key, undefined));
  if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };
  if (!(await verifyPassword(input.password, input.hash))) return { ok: false };
  await ctx.db.delete(loginFailures).where(eq(loginFailures.key, `email:${key}`));
  return { ok: true };
}

/**
 * Queues a login link to every account of this address. The link itself is minted when
 * the email is composed, so the outbox never holds it. Says nothing about whether the
 * address has an account.
 */
export async function requestLoginLink({ ctx, input }: { ctx: ServiceContext; input: { email: string } }) {
  const accounts = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.emailKey, emailKey(input.email)), isNull(users.disabledAt)));
  for (const u of accounts) await queueLoginLink(ctx, u);
}

/**
 * Queues a login link to one member (at most one a minute, so nobody's inbox is flooded):
 * a new member's invitation names their own account only, not others of the address.
 */
export async function queueLoginLink(ctx: ServiceContext, u: Pick<typeof users.$inferSelect, "id" | "orgId" | "email" | "name" | "language">) {
  const now = ctx.now().getTime();
  const [recent] = await ctx.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.userId, u.id), eq(outbox.kind, "login_link"), gt(outbox.createdAt, new Date(now - LINK_RESEND_MS))))
    .limit(1);
  if (recent) return;
  await ctx.db.insert(outbox).values({
    id: newId("msg"),
    kind: "login_link",
    orgId: u.orgId,
    eventId: null,
    userId: u.id,
    toEmail: u.email,
    toName: u.name,
    locale: u.language,
    nextAttemptAt: new Date(now),
    createdAt: new Date(now),
  });
}

/** A fresh one-time link secret for a member; only its hash is stored. */
export async function mintLoginLink(ctx: ServiceContext, userId: string, ttlMs = LOGIN_LINK_TTL_MS) {
  const token = newSecret() + newSecret();
  await ctx.db.insert(loginLinks).values({
    tokenHash: sha256Hex(token),
    userId,
    expiresAt: new Date(ctx.now().getTime() + ttlMs),
  });
  return token;
}

/** Uses a login link: valid once, before it expires. Returns the member's id or null. */
export async function consumeLoginLink(ctx: ServiceContext, token: string): Promise<string | null> {
  if (!/^[\w-]{44}$/.test(token)) return null;
  const now = ctx.now();
  const [row] = await ctx.db
    .update(loginLinks)
    .set({ usedAt: now })
    .where(and(eq(loginLinks.tokenHash, sha256Hex(token)), isNull(loginLinks.usedAt), gt(loginLinks.expiresAt, now)))
    .returning({ userId: loginLinks.userId });
  if (!row) return null;
  const [user] = await ctx.db.select({ id: users.id }).from(users).where(and(eq(users.id, row.userId), isNull(users.disabledAt)));
  return user?.id ?? null;
}
