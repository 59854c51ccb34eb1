import type { users } from "../../db/schema";

export type UserRow = typeof users.$inferSelect;

/**
 * A member as the workspace sees them: never the password hash. `language` is the one the
 * workspace speaks to them on this request (see workspaceLanguage).
 */
export type Member = Pick<UserRow, "id" | "orgId" | "email" | "name" | "role" | "language" | "languageChosenAt">;

export const memberOf = (u: UserRow): Member => ({
  id: u.id,
  orgId: u.orgId,
  email: u.email,
  name: u.name,
  role: u.role,
  language: u.language,
  languageChosenAt: u.languageChosenAt,
});
