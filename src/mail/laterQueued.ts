import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { outbox } from "../db/schema";
import type { ServiceContext } from "../domain/context";
import type { OutboxRow } from "./types";

/**
 * Whether a later message of the same kind to the same registration (and, with `same`, about
 * the same thing) waits to be sent: two quick edits then send one "changed" email, the
 * later, with the final details.
 */
export async function laterQueued(ctx: ServiceContext, row: OutboxRow, same?: SQL) {
  const [later] = await ctx.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.registrationId, row.registrationId!),
        eq(outbox.kind, row.kind),
        inArray(outbox.status, ["pending", "sending"]),
        same,
        sql`rowid > (SELECT rowid FROM outbox WHERE id = ${row.id})`,
      ),
    )
    .limit(1);
  return later !== undefined;
}
