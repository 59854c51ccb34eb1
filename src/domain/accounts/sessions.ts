import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { organisations, sessions, users } from "../../db/schema";
import { newSecret, sha256Hex } from "../../lib/secrets";
import type { ServiceContext } from "../context";
import { memberOf, type Member } from "./member";

/** A session ends after this long unused … */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** … and after this long in any case (a tablet at the door signs in again each month). */
export const SESSION_MAX_MS = 30 * 86_400_000;
// Pushing the idle expiry forward is a write; once an hour is enough.
const RENEW_AFTER_MS = 3_600_000;

/** Starts a session; the returned secret goes into the cookie, only its hash is stored. */
export async function startSession(ctx: ServiceContext, userId: string) {
  const token = newSecret() + newSecret();
  const now = ctx.now().getTime();
  await ctx.db.insert(sessions).values({
    tokenHash: sha256Hex(token),
    userId,
    createdAt: new Date(now),
    expiresAt: new Date(now + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(now + SESSION_MAX_MS),
  });
  return token;
}

/** The member behind a session cookie, or null (unknown, expired, or the member was removed). */
export async function resolveSession(ctx: ServiceContext, token: string): Promise<{ member: Member; orgName: string } | null> {
  if (!/^[\w-]{44}$/.test(token)) return null;
  const hash = sha256Hex(token);
  const now = ctx.now().getTime();
  // Looked up by its hash (the primary key): nothing secret is compared in JavaScript.
  const [row] = await ctx.db
    .select({ session: sessions, user: users, orgName: organisations.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, new Date(now)), isNull(users.disabledAt)));
  if (!row) return null;
  const idleUntil = Math.min(now + SESSION_IDLE_MS, row.session.absoluteExpiresAt.getTime());
  if (idleUntil - row.session.expiresAt.getTime() > RENEW_AFTER_MS)
    await ctx.db.update(sessions).set({ expiresAt: new Date(idleUntil) }).where(eq(sessions.tokenHash, hash));
  return { member: memberOf(row.user), orgName: row.orgName };
}

export async function endSession(ctx: ServiceContext, token: string) {
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, sha256Hex(token)));
}

/** Ends every session of a member (password changed elsewhere, member removed). */
export async function endAllSessions(ctx: ServiceContext, userId: string) {
  await ctx.db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Expired sessions are only clutter; the scheduler removes them. */
export async function pruneSessions(ctx: ServiceContext) {
  await ctx.db.delete(sessions).where(lt(sessions.expiresAt, ctx.now()));
}
