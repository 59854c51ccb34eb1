import { sql } from "drizzle-orm";
import type { Language } from "../../db/schema";
import { workspaceMessages } from "../../i18n/workspace";
import { fill } from "../../i18n/messages";
import { toLocalInput } from "../../lib/localTime";
import type { Cell, Column } from "../../lib/spreadsheet";
import type { ServiceContext } from "../context";
import type { EventRow } from "../events";
import { sessionsOfEvent } from "../programme";

interface Place {
  registrationId: string;
  sessionId: string;
  status: "confirmed" | "waitlisted" | "pending";
  position: number | null;
  checkedInAt: number | null;
}

/** A person's place in one session as a file says it: checked in, confirmed, waitlisted n or pending; blank without one. */
export function placeText(place: Pick<Place, "status" | "position" | "checkedInAt"> | undefined, language: Language): string {
  if (!place) return "";
  const w = workspaceMessages(language).sessionDesk.place;
  if (place.status === "confirmed") return place.checkedInAt !== null ? w.checkedIn : w.confirmed;
  return place.status === "waitlisted" ? fill(w.waitlisted, { n: place.position ?? "" }) : w.pending;
}

/**
 * The attendance file's columns for an event's programme, one per session that goes
 * ahead (its title and start on the event's clock), and the cells of a page of
 * registrations: read per page, one query, the ids as one JSON value (D1 binds at most
 * 100 values). No columns for an event without a programme.
 */
export async function sessionColumns(ctx: ServiceContext, event: EventRow, language: Language) {
  const sessions = (await sessionsOfEvent(ctx, event)).filter((s) => s.status === "scheduled");
  const columns: Column[] = sessions.map((s) => ({ header: `${s.title} (${toLocalInput(new Date(s.startsAt), event.timezone).replace("T", " ")})`, width: 18 }));
  async function cells(registrationIds: string[]): Promise<(id: string) => Cell[]> {
    if (!sessions.length || !registrationIds.length) return () => [];
    const rows = await ctx.db.all<Place>(sql`
      SELECT c.registration_id AS registrationId, c.session_id AS sessionId, c.status, c.checked_in_at AS checkedInAt,
             CASE WHEN c.status = 'waitlisted' THEN
               (SELECT count(*) FROM session_choices w WHERE w.session_id = c.session_id AND w.status = 'waitlisted'
                  AND (w.queued_at, w.seq) <= (c.queued_at, c.seq)) END AS position
      FROM session_choices c
      WHERE c.event_id = ${event.id} AND c.status IN ('confirmed', 'waitlisted', 'pending')
        AND c.registration_id IN (SELECT value FROM json_each(${JSON.stringify(registrationIds)}))`);
    const places = new Map(rows.map((r) => [`${r.registrationId} ${r.sessionId}`, r]));
    return (id) => sessions.map((s) => placeText(places.get(`${id} ${s.id}`), language));
  }
  return { columns, cells };
}
