import { eq, sql } from "drizzle-orm";
import { events, organisations } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { newKey } from "../../lib/secrets";
import type { ServiceContext } from "../context";

/** The organisation's signing key; one from before keys existed is made now, once. */
export async function organisationKey(ctx: ServiceContext, orgId: string): Promise<string> {
  const [row] = await ctx.db.select({ key: organisations.checkinKey }).from(organisations).where(eq(organisations.id, orgId));
  if (!row) throw new AppError("organisation_not_found");
  if (row.key) return row.key;
  const [made] = await ctx.db
    .update(organisations)
    .set({ checkinKey: sql`coalesce(${organisations.checkinKey}, ${newKey()})` })
    .where(eq(organisations.id, orgId))
    .returning({ key: organisations.checkinKey });
  return made!.key!;
}

/** The signing key of the organisation that holds an event. */
export async function signingKey(ctx: ServiceContext, eventId: string): Promise<string> {
  const [row] = await ctx.db.select({ orgId: events.orgId }).from(events).where(eq(events.id, eventId));
  if (!row) throw new AppError("event_not_found");
  return organisationKey(ctx, row.orgId);
}
