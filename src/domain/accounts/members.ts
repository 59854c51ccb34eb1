import { and, asc, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { changedRows } from "../../db/client";
import { sessions, users, type Role } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { AppError, invalid } from "../../lib/errors";
import { issueCode, zodFieldErrors } from "../../lib/zodIssues";
import { emailKey } from "../../lib/emailKey";
import { hashPassword } from "../../lib/password";
import { newId, sha256Hex } from "../../lib/secrets";
import { auditEntry } from "../audit";
import { auditIf } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { personName } from "../schemas";
import { memberOf, type Member, type UserRow } from "./member";
import { endAllSessions } from "./sessions";
import { checkCurrentPassword } from "./signIn";

const rank: Record<Role, number> = { checkin: 1, organiser: 2, owner: 3 };
/** Whether `role` may do what `needed` may: owner ⊃ organiser ⊃ checkin. */
export const allows = (role: Role, needed: Role) => rank[role] >= rank[needed];

export const roleSchema = z.enum(["owner", "organiser", "checkin"]);
export const MIN_PASSWORD = 10;
export const passwordSchema = z.string().min(MIN_PASSWORD).max(200);

export const createMemberInput = z.strictObject({
  email: z.email().max(254),
  name: personName(200).optional(),
  role: roleSchema.default("organiser"),
  language: z.enum(["sv", "en", "nb"]).default("sv"),
});


/**
 * Adds a member to an organisation. `by` is the owner doing it (audited); the CLI's first
 * owner has none. The member signs in with a login link and may then set a password.
 */
export async function createMember({
  ctx,
  input,
  by,
}: {
  ctx: ServiceContext;
  input: OrgScope & z.input<typeof createMemberInput>;
  by?: Member;
}): Promise<Member> {
  const parsed = createMemberInput.safeParse({ email: input.email, name: input.name, role: input.role, language: input.language });
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error));
  const { email, name, role, language } = parsed.data;
  const row: UserRow = {
    id: newId("usr"),
    orgId: input.orgId,
    email: email.trim(),
    emailKey: emailKey(email),
    name: name || null,
    role,
    passwordHash: null,
    language,
    languageChosenAt: null,
    createdAt: ctx.now(),
    disabledAt: null,
  };
  try {
    const insert = ctx.db.insert(users).values(row);
    if (by) await ctx.db.batch([insert, auditEntry(ctx, by, { action: "member.create", subjectType: "user", subjectId: row.id, detail: { email: row.email, role } })]);
    else await insert;
  } catch (err) {
    if (isUniqueViolation(err, "users.org_id, users.email_key"))
      throw new AppError("member_exists", {}, { email: { code: "already_member" } });
    throw err;
  }
  return memberOf(row);
}

export async function listMembers({ ctx, input }: { ctx: ServiceContext; input: OrgScope }) {
  return ctx.db.select().from(users).where(and(eq(users.orgId, input.orgId), isNull(users.disabledAt))).orderBy(asc(users.createdAt));
}

export async function findMember(ctx: ServiceContext, orgId: string, id: string) {
  const [row] = await ctx.db.select().from(users).where(and(eq(users.id, id), eq(users.orgId, orgId), isNull(users.disabledAt)));
  if (!row) throw new AppError("member_not_found");
  return row;
}

/**
 * Sets the member's own password. Replacing one needs the current password, so a device
 * left signed in (a tablet at the door) cannot be turned into lasting access; a member
 * without one (signed in by a link from their inbox) sets it freely. Every other session
 * of the member ends, so whoever knew the old password is signed out too.
 */
export async function setPassword({
  ctx,
  member,
  password,
  current,
  keepSession,
  device,
}: {
  ctx: ServiceContext;
  member: Member;
  password: string;
  current?: string;
  /** The session cookie's value of the browser making the change, which stays signed in. */
  keepSession?: string;
  /** Its device cookie's value: a wrong current password counts as a sign-in from it would. */
  device?: string;
}) {
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw invalid({ password: issueCode(checked.error.issues[0]!) });
  const stored = await passwordHashOf(ctx, member.id);
  if (stored) {
    const verdict = current === undefined ? { ok: false as const } : await checkCurrentPassword(ctx, { email: member.email, password: current, hash: stored, device });
    if (!verdict.ok && verdict.retryAfterSeconds)
      throw new AppError("rate_limited", {}, { current: { code: "try_again_in", seconds: verdict.retryAfterSeconds } });
    if (!verdict.ok) throw invalid({ current: { code: "wrong_password" } });
  }
  await ctx.db.batch([
    ctx.db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, member.id)),
    ctx.db.delete(sessions).where(and(eq(sessions.userId, member.id), keepSession ? ne(sessions.tokenHash, sha256Hex(keepSession)) : undefined)),
    auditEntry(ctx, member, { action: "member.password", subjectType: "user", subjectId: member.id }),
  ]);
}

/** The member's password hash, or null when they sign in by links only. */
export async function passwordHashOf(ctx: ServiceContext, userId: string) {
  const [row] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

/**
 * Adds a member, or brings back one removed earlier (the address stays reserved by the
 * removed account). A returning member starts without a password: the login link sent
 * next is their way in, and a password from before does not come back with them.
 */
export async function addMember({
  ctx,
  input,
  by,
}: {
  ctx: ServiceContext;
  // As typed into a form: createMember checks every field.
  input: OrgScope & { email: string; name?: string; role?: string; language?: string };
  by: Member;
}) {
  try {
    return await createMember({ ctx, input: input as OrgScope & z.input<typeof createMemberInput>, by });
  } catch (err) {
    if (!(err instanceof AppError && err.reason === "member_exists")) throw err;
    const key = emailKey(input.email);
    const [removed] = await ctx.db.select().from(users).where(and(eq(users.orgId, input.orgId), eq(users.emailKey, key), isNotNull(users.disabledAt)));
    if (!removed) throw err;
    const { name, role, language } = createMemberInput.parse({ email: input.email, name: input.name, role: input.role, language: input.language });
    const [restored] = await ctx.db.batch([
      ctx.db
        .update(users)
        .set({ disabledAt: null, passwordHash: null, name: name || null, role, language })
        .where(and(eq(users.id, removed.id), isNotNull(users.disabledAt)))
        .returning(),
      auditEntry(ctx, by, { action: "member.restore", subjectType: "user", subjectId: removed.id, detail: { role } }),
    ]);
    if (!restored[0]) throw err;
    return memberOf(restored[0]);
  }
}

/** SQL: the member `id` is active in `orgId`, and taking owner away from them leaves another owner. */
const ownerSafe = (orgId: string, id: string, keepsOwner: boolean) => sql`EXISTS (
  SELECT 1 FROM users t WHERE t.id = ${id} AND t.org_id = ${orgId} AND t.disabled_at IS NULL
    AND (t.role <> 'owner' OR ${keepsOwner ? 1 : 0}
         OR EXISTS (SELECT 1 FROM users o WHERE o.org_id = ${orgId} AND o.role = 'owner'
                      AND o.disabled_at IS NULL AND o.id <> ${id})))`;

/** Whether `target` is the organisation's only owner among `members`: the one who cannot step down or leave. */
export const isLastOwner = (target: { id: string; role: Role }, members: { id: string; role: Role }[]) =>
  target.role === "owner" && !members.some((m) => m.role === "owner" && m.id !== target.id);

/** Gives a member another role. The organisation always keeps an owner. */
export async function changeRole({ ctx, input, by }: { ctx: ServiceContext; input: OrgScope & { id: string; role: string }; by: Member }) {
  const role = roleSchema.safeParse(input.role);
  if (!role.success) throw invalid({ role: issueCode(role.error.issues[0]!) });
  const target = await findMember(ctx, input.orgId, input.id);
  if (target.role === role.data) return memberOf(target);
  const guard = ownerSafe(input.orgId, target.id, role.data === "owner");
  const [, changed] = await ctx.db.batch([
    // Before the change, so it sees the state the change's own guard sees.
    auditIf(ctx, by, { action: "member.role", subjectType: "user", subjectId: target.id, detail: { from: target.role, to: role.data } }, guard),
    ctx.db.update(users).set({ role: role.data }).where(and(eq(users.id, target.id), guard)).returning(),
  ]);
  if (!changed[0]) throw new AppError("last_owner_role");
  return memberOf(changed[0]);
}

/**
 * Removes a member: the account is disabled (the audit log keeps naming them) and every
 * session of theirs ends. The last owner cannot be removed, not even by themselves.
 */
export async function removeMember({ ctx, input, by }: { ctx: ServiceContext; input: OrgScope & { id: string }; by: Member }) {
  const target = await findMember(ctx, input.orgId, input.id);
  const guard = ownerSafe(input.orgId, target.id, false);
  const [, removed] = await ctx.db.batch([
    auditIf(ctx, by, { action: "member.remove", subjectType: "user", subjectId: target.id, detail: { role: target.role } }, guard),
    ctx.db.update(users).set({ disabledAt: ctx.now() }).where(and(eq(users.id, target.id), guard)),
  ]);
  if (!changedRows(removed)) throw new AppError("last_owner_remove");
  await endAllSessions(ctx, target.id);
  return memberOf(target);
}
