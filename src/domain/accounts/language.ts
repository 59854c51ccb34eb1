import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { users, type Language } from "../../db/schema";
import { invalid } from "../../lib/errors";
import type { ServiceContext } from "../context";
import type { Member } from "./member";

export const languageInput = z.enum(["sv", "nb", "en"]);

/**
 * The language the workspace speaks to a member: the one they chose in it; before they
 * choose, their browser's (when it is one of ours), else the one stored (Swedish unless
 * an invitation said otherwise).
 */
export function workspaceLanguage(member: Pick<Member, "language" | "languageChosenAt">, browser: Language | undefined): Language {
  return member.languageChosenAt ? member.language : browser ?? member.language;
}

/** The member's own choice in the header: kept, and used for their emails too. */
export async function chooseLanguage(ctx: ServiceContext, member: Pick<Member, "id" | "orgId">, language: unknown): Promise<Language> {
  const parsed = languageInput.safeParse(language);
  if (!parsed.success) throw invalid({ language: { code: "one_of", options: [...languageInput.options] } });
  await ctx.db
    .update(users)
    .set({ language: parsed.data, languageChosenAt: ctx.now() })
    .where(and(eq(users.id, member.id), eq(users.orgId, member.orgId)));
  return parsed.data;
}

/**
 * At sign-in, a member who never chose takes the browser's language, so that their emails
 * (login links) speak it too. A choice made in the workspace is never overwritten.
 */
export async function adoptBrowserLanguage(ctx: ServiceContext, userId: string, browser: Language | undefined) {
  if (!browser) return;
  await ctx.db
    .update(users)
    .set({ language: browser })
    .where(and(eq(users.id, userId), isNull(users.languageChosenAt)));
}
