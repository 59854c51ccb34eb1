import { eq, sql } from "drizzle-orm";
import { events, organisations } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newKey } from "../../lib/secrets";
import type { ServiceContext } from "../context";

/** The organisation's signing key; one from before keys existed is made now, once. */
export async function signingKey(ctx: ServiceContext, eventId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ orgId: organisations.id, key: organisations.checkinKey })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.orgId))
    .where(eq(events.id, eventId));
  if (!row) throw new AppError("event_not_found");
  if (row.key) return row.key;
  const [made] = await ctx.db
    .update(organisations)
    .set({ checkinKey: sql`coalesce(${organisations.checkinKey}, ${newKey()})` })
    .where(eq(organisations.id, row.orgId))
    .returning({ key: organisations.checkinKey });
  return made!.key!;
}
