import { and, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, organisations } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { zodFieldErrors } from "../../lib/zodIssues";
import { newId, newSecret, sameSecret, sha256Hex } from "../../lib/secrets";
import { auditEntry, auditIf, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";

const TOKEN_PREFIX = "plats_";

// A token's last use is written at most this often: often enough to tell a token in use
// from a forgotten one, rarely enough that a busy integration costs no write per request.
export const TOKEN_USE_PRECISION_MS = 60_000;

const tokenInput = z.object({ name: z.string().trim().min(1).max(100) });

// The name of a token made without one (`plats token create` without --name).
const UNNAMED = "API token";

/** What the audit log calls a change made with a token: its name, so the log says which. */
export const tokenActor = (orgId: string, token: { name: string }): Actor => ({
  orgId,
  id: null,
  email: token.name === UNNAMED ? UNNAMED : `API token “${token.name}”`,
});

/**
 * Mints an API token for an organisation. The token is returned once; only its hash
 * stays. With `actor` (an owner in the workspace) the audit log records it by name.
 */
export async function createApiToken({ ctx, input, actor }: { ctx: ServiceContext; input: { orgId: string; name?: string }; actor?: Actor }) {
  const parsed = tokenInput.safeParse({ name: input.name ?? UNNAMED });
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
  const token = `${TOKEN_PREFIX}${newSecret()}${newSecret()}`;
  const id = newId("tok");
  const row = { id, orgId: input.orgId, name: parsed.data.name, tokenHash: sha256Hex(token), createdAt: ctx.now() };
  const insert = ctx.db.insert(apiTokens).values(row);
  if (actor) await ctx.db.batch([insert, auditEntry(ctx, actor, { action: "token.create", subjectType: "token", subjectId: id, detail: { name: row.name } })]);
  else await insert;
  return token;
}

/** The organisation's tokens, newest first, revoked ones included (greyed out where shown). */
export async function listApiTokens(ctx: ServiceContext, { orgId }: OrgScope) {
  return ctx.db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the organisation's tokens: refused from then on. Revoking twice changes nothing. */
export async function revokeApiToken({ ctx, input, actor }: { ctx: ServiceContext; input: OrgScope & { id: string }; actor: Actor }) {
  const [token] = await ctx.db
    .select({ name: apiTokens.name, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, input.id), eq(apiTokens.orgId, input.orgId)));
  if (!token) throw new AppError("token_not_found");
  if (token.revokedAt) return;
  const now = ctx.now().getTime();
  const revoked = sql`EXISTS (SELECT 1 FROM api_tokens WHERE id = ${input.id} AND revoked_at = ${now})`;
  await ctx.db.batch([
    ctx.db.run(sql`UPDATE api_tokens SET revoked_at = ${now} WHERE id = ${input.id} AND org_id = ${input.orgId} AND revoked_at IS NULL`),
    auditIf(ctx, actor, { action: "token.revoke", subjectType: "token", subjectId: input.id, detail: { name: token.name } }, revoked),
  ]);
}

/**
 * The organisation a bearer token belongs to and the token's name, or null for an
 * unknown or revoked token. Notes the use when the last one noted is older than
 * TOKEN_USE_PRECISION_MS.
 */
export async function authenticateApiToken(ctx: ServiceContext, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = sha256Hex(token);
  const [row] = await ctx.db
    .select({ id: apiTokens.id, name: apiTokens.name, hash: apiTokens.tokenHash, lastUsedAt: apiTokens.lastUsedAt, org: organisations })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || !(await sameSecret(row.hash, hash))) return null;
  const now = ctx.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOKEN_USE_PRECISION_MS) {
    const stale = new Date(now.getTime() - TOKEN_USE_PRECISION_MS);
    await ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, stale))));
  }
  return { org: row.org, token: { id: row.id, name: row.name } };
}
