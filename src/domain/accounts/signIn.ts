import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { knownDevices, loginFailures, loginLinks, organisations, outbox, users } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { DUMMY_HASH, hashPassword, PBKDF2_ITERATIONS, verifyPassword } from "../../lib/password";
import { newId, newSecret, sha256Hex } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { emailKey } from "../../lib/emailKey";

export const LOGIN_LINK_TTL_MS = 15 * 60_000;
// A login-link request re-sends at most this often per account (no inbox flooding).
const LINK_RESEND_MS = 60_000;

// Free attempts before each further one must wait, doubling up to the cap.
const FREE_FAILURES = 5;
const MAX_DELAY_MS = 15 * 60_000;
// Failures older than this are forgotten.
const FORGET_AFTER_MS = 60 * 60_000;
/** A device cookie lasts this long, and a device unused for this long is forgotten. */
export const DEVICE_KEPT_MS = 365 * 86_400_000;
const DEVICE_TOKEN = /^[\w-]{44}$/;

export type SignInResult =
  | { ok: true; userId: string; /** The device cookie's secret to set (new, or the one presented). */ device: string }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Which count an attempt at an address goes to (OWASP's device cookies): a browser that
 * presents a device cookie known to an account of this address has a count of its own;
 * every other attempt counts against the address. So guessing at an account slows down
 * the guesser and fresh browsers, never its owner on a browser they signed in with before.
 * There is no count per client address: it made one colleague's wrong passwords lock out
 * everyone behind the office's address, and the account's count already stops guessing.
 */
async function attemptKey(ctx: ServiceContext, key: string, device: string | undefined) {
  if (device && DEVICE_TOKEN.test(device)) {
    const hash = sha256Hex(device);
    const since = new Date(ctx.now().getTime() - DEVICE_KEPT_MS);
    const [known] = await ctx.db
      .select({ userId: knownDevices.userId })
      .from(knownDevices)
      .innerJoin(users, eq(users.id, knownDevices.userId))
      .where(and(eq(knownDevices.tokenHash, hash), eq(users.emailKey, key), gt(knownDevices.lastSignInAt, since)))
      .limit(1);
    if (known) return `device:${hash}:${key}`;
  }
  return `email:${key}`;
}

/**
 * Remembers this browser for the account after a right password: the secret it presented
 * when that one is known (to this or another account, as on a shared computer), else a
 * new one. Only its hash is stored. Returns the secret for the cookie.
 */
async function rememberDevice(ctx: ServiceContext, userId: string, presented: string | undefined) {
  let secret = presented && DEVICE_TOKEN.test(presented) ? presented : undefined;
  if (secret) {
    const [known] = await ctx.db.select({ userId: knownDevices.userId }).from(knownDevices).where(eq(knownDevices.tokenHash, sha256Hex(secret))).limit(1);
    if (!known) secret = undefined;
  }
  secret ??= newSecret() + newSecret();
  const now = ctx.now();
  await ctx.db
    .insert(knownDevices)
    .values({ tokenHash: sha256Hex(secret), userId, lastSignInAt: now })
    .onConflictDoUpdate({ target: [knownDevices.tokenHash, knownDevices.userId], set: { lastSignInAt: now } });
  return secret;
}

/** The wait before the next attempt after `failures` of them, `since` ms after the last. */
function waitAfter(failures: number, since: number, free = FREE_FAILURES) {
  if (since > FORGET_AFTER_MS || failures < free) return 0;
  return Math.max(0, Math.min(1000 * 2 ** (failures - free), MAX_DELAY_MS) - since);
}

/**
 * Counts this attempt as a failure before the password is even checked, unless the key
 * is in its waiting time; returns how long that is (0: the attempt may go ahead). Read
 * and count in one atomic batch, so attempts sent together are counted one after the
 * other and cannot all slip through while the first is still being hashed. A success
 * clears the count afterwards.
 */
async function chargeAttempt(ctx: ServiceContext, key: string) {
  const now = ctx.now().getTime();
  const forgetBefore = now - FORGET_AFTER_MS;
  const [before] = await ctx.db.batch([
    ctx.db.select().from(loginFailures).where(eq(loginFailures.key, key)),
    ctx.db.run(sql`
      INSERT INTO login_failures (key, failures, last_failure_at) VALUES (${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN last_failure_at < ${forgetBefore} THEN 1 ELSE failures + 1 END,
        last_failure_at = ${now}
      -- The same rule as waitAfter: an attempt in the waiting time is not counted.
      WHERE last_failure_at < ${forgetBefore} OR failures < ${FREE_FAILURES}
         OR ${now} - last_failure_at >= min(1000 * (1 << min(failures - ${FREE_FAILURES}, 20)), ${MAX_DELAY_MS})`),
  ]);
  const [row] = before;
  return row ? waitAfter(row.failures, now - row.lastFailureAt.getTime()) : 0;
}

/**
 * Email and password. Every refusal reads the same ("wrong"), whether the address is
 * unknown or the password wrong, and takes as long. Repeated failures make each further
 * attempt wait, doubling, up to 15 minutes: those of the address, or of the browser's own
 * count when its device cookie is known to the account (see attemptKey).
 */
export async function signInWithPassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { email: string; password: string; /** The device cookie's value, if the browser sent one. */ device?: string };
}): Promise<SignInResult> {
  // An address is at most 254 characters: a longer one is no account, and no key to store.
  const key = emailKey(input.email).slice(0, 254);
  const counted = await attemptKey(ctx, key, input.device);
  const wait = await chargeAttempt(ctx, counted);
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
  // Success clears the count it was charged to. A right password on a known device leaves
  // the address's count alone: the owner signing in must not hand a guesser fresh tries.
  await ctx.db.delete(loginFailures).where(eq(loginFailures.key, counted));
  // Hashes made with fewer iterations are upgraded while the password is at hand.
  if (!match.hash.startsWith(`pbkdf2-sha256$${PBKDF2_ITERATIONS}$`))
    await ctx.db.update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, match.id));
  return { ok: true, userId: match.id, device: await rememberDevice(ctx, match.id, input.device) };
}

/**
 * A signed-in member's current password, checked as a sign-in is: counted against the
 * same key (the browser's own when its device cookie is known to the account, else the
 * address) and made to wait in the same way, so a stolen session cannot guess it quickly.
 * A right one clears the count.
 */
export async function checkCurrentPassword(
  ctx: ServiceContext,
  input: { email: string; password: string; hash: string; device?: string },
): Promise<{ ok: true } | { ok: false; retryAfterSeconds?: number }> {
  const counted = await attemptKey(ctx, emailKey(input.email).slice(0, 254), input.device);
  const wait = await chargeAttempt(ctx, counted);
  if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };
  if (!(await verifyPassword(input.password, input.hash))) return { ok: false };
  await ctx.db.delete(loginFailures).where(eq(loginFailures.key, counted));
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

/**
 * Fresh one-time sign-in links for every active account of an address (in one
 * organisation when given), for the operator's command line: a member locked out after
 * a restart, or whose mail does not arrive. The links are handed back, never emailed.
 */
export async function signInLinksFor({ ctx, input }: { ctx: ServiceContext; input: { email: string; orgId?: string; ttlMs: number } }) {
  const accounts = await ctx.db
    .select({ id: users.id, email: users.email, role: users.role, org: organisations.slug })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.emailKey, emailKey(input.email)), isNull(users.disabledAt), input.orgId ? eq(users.orgId, input.orgId) : undefined))
    .orderBy(organisations.slug);
  if (!accounts.length) throw new AppError("member_not_found");
  return Promise.all(accounts.map(async (a) => ({ ...a, token: await mintLoginLink(ctx, a.id, input.ttlMs) })));
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
