import { sql } from "drizzle-orm";
import type { Language } from "../../db/schema";
import { workspaceMessages } from "../../i18n/workspace";
import type { Cell, Column } from "../../lib/spreadsheet";
import type { ServiceContext } from "../context";
import type { EventRow } from "../events";

/**
 * The attendance file's "Invitation" column of an event by invitation: the address of the
 * invitee whose link each registration came through, so colleagues registered through one
 * link are told apart from the invitee. Other events have no such column.
 */
export function invitationColumn(ctx: ServiceContext, event: EventRow, language: Language) {
  if (event.access !== "invitation") return { columns: [] as Column[], cells: async () => (_: string | null): Cell[] => [] };
  const columns: Column[] = [{ header: workspaceMessages(language).access.exportColumn, width: 30 }];
  /** Each registration's cell by its invitation id, read once per page of rows. */
  async function cells(invitationIds: (string | null)[]): Promise<(id: string | null) => Cell[]> {
    const ids = [...new Set(invitationIds.filter((id): id is string => id !== null))];
    const rows = ids.length
      ? await ctx.db.all<{ id: string; email: string }>(sql`
          SELECT id, email FROM invitations WHERE event_id = ${event.id} AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
      : [];
    const emails = new Map(rows.map((r) => [r.id, r.email]));
    return (id) => [id ? (emails.get(id) ?? "") : ""];
  }
  return { columns, cells };
}
