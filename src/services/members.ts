import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { users, type Role } from "../db/schema";
import { isUniqueViolation } from "../db/errors";
import { AppError, invalid, notFound } from "../lib/errors";
import { hashPassword } from "../lib/password";
import { newId } from "../lib/secrets";
import { auditEntry } from "./audit";
import type { OrgScope, ServiceContext } from "./context";

export type UserRow = typeof users.$inferSelect;
/** A signed-in member: who acts, for which organisation, with which role. */
export type Member = Pick<UserRow, "id" | "orgId" | "email" | "name" | "role" | "language">;

const rank: Record<Role, number> = { checkin: 1, organiser: 2, owner: 3 };
/** Whether `role` may do what `needed` may: owner ⊃ organiser ⊃ checkin. */
export const allows = (role: Role, needed: Role) => rank[role] >= rank[needed];

export const roleSchema = z.enum(["owner", "organiser", "checkin"]);
export const MIN_PASSWORD = 10;
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD, `Use at least ${MIN_PASSWORD} characters.`)
  .max(200, "Use at most 200 characters.");

export const createMemberInput = z.strictObject({
  email: z.email("Enter a valid email address.").max(254),
  name: z.string().trim().max(200).optional(),
  role: roleSchema.default("organiser"),
  language: z.enum(["sv", "en", "nb"]).default("sv"),
});

export const emailKeyOf = (email: string) => email.trim().toLowerCase();

export const memberOf = (u: UserRow): Member => ({ id: u.id, orgId: u.orgId, email: u.email, name: u.name, role: u.role, language: u.language });

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
  if (!parsed.success) throw invalid(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
  const { email, name, role, language } = parsed.data;
  const row: UserRow = {
    id: newId("usr"),
    orgId: input.orgId,
    email: email.trim(),
    emailKey: emailKeyOf(email),
    name: name || null,
    role,
    passwordHash: null,
    language,
    createdAt: ctx.now(),
    disabledAt: null,
  };
  try {
    const insert = ctx.db.insert(users).values(row);
    if (by) await ctx.db.batch([insert, auditEntry(ctx, by, { action: "member.create", subjectType: "user", subjectId: row.id, detail: { email: row.email, role } })]);
    else await insert;
  } catch (err) {
    if (isUniqueViolation(err, "users.org_id, users.email_key"))
      throw new AppError("conflict", "That address is already a member.", { email: "Already a member." });
    throw err;
  }
  return memberOf(row);
}

export async function listMembers({ ctx, input }: { ctx: ServiceContext; input: OrgScope }) {
  return ctx.db.select().from(users).where(and(eq(users.orgId, input.orgId), isNull(users.disabledAt))).orderBy(asc(users.createdAt));
}

export async function findMember(ctx: ServiceContext, orgId: string, id: string) {
  const [row] = await ctx.db.select().from(users).where(and(eq(users.id, id), eq(users.orgId, orgId), isNull(users.disabledAt)));
  if (!row) throw notFound("member");
  return row;
}

/** Sets the member's own password (checked for length here too, not only by the form). */
export async function setPassword({ ctx, member, password }: { ctx: ServiceContext; member: Member; password: string }) {
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw invalid({ password: checked.error.issues[0]!.message });
  await ctx.db.batch([
    ctx.db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, member.id)),
    auditEntry(ctx, member, { action: "member.password", subjectType: "user", subjectId: member.id }),
  ]);
}
