import { and, eq, isNull } from "drizzle-orm";
import { organisations, users } from "../db/schema";
import type { ServiceContext } from "../domain/context";
import type { OutboxRow } from "./types";

/**
 * The member an email to a member is for, with their organisation's name, read when it is
 * sent: a member removed since gets nothing (the answer says why it was skipped).
 */
export async function activeMember(ctx: ServiceContext, row: OutboxRow) {
  if (!row.userId) return { skip: "no member" } as const;
  const [found] = await ctx.db
    .select({ user: users, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(eq(users.id, row.userId), isNull(users.disabledAt)));
  return found ?? ({ skip: "member no longer exists" } as const);
}
