import type { users } from "../../db/schema";

export type UserRow = typeof users.$inferSelect;

/** A member as the workspace sees them: never the password hash. */
export type Member = Pick<UserRow, "id" | "orgId" | "email" | "name" | "role" | "language">;

export const memberOf = (u: UserRow): Member => ({ id: u.id, orgId: u.orgId, email: u.email, name: u.name, role: u.role, language: u.language });
