import { sql, type SQL } from "drizzle-orm";
import { liveStatusesSql } from "../../db/schema";

/** An invitation as read, with how many live registrations (and applications) came through its link. */
export interface InvitationRow {
  id: string;
  eventId: string;
  email: string;
  firstName: string;
  lastName: string;
  organisation: string | null;
  language: string | null;
  seats: number;
  status: "created" | "sent" | "declined" | "revoked";
  registered: number;
  sentAt: number | null;
  visitedAt: number | null;
  remindedAt: number | null;
  declinedAt: number | null;
  revokedAt: number | null;
  createdAt: number;
}

/**
 * SQL: the live registrations (and applications) invitation `invitationId` has made; what
 * its seats are counted against, in the signup's write as on the organiser's list.
 */
export const registeredThrough = (invitationId: SQL) =>
  sql<number>`(SELECT count(*) FROM registrations x WHERE x.invitation_id = ${invitationId} AND x.status IN ${liveStatusesSql})`;

/** Invitations `i` matching `where`, in the order they were made. */
export const selectInvitations = (where: SQL) => sql`
  SELECT i.id, i.event_id AS eventId, i.email, i.first_name AS firstName, i.last_name AS lastName, i.organisation, i.language, i.seats, i.status,
         ${registeredThrough(sql`i.id`)} AS registered,
         i.sent_at AS sentAt, i.visited_at AS visitedAt, i.reminded_at AS remindedAt, i.declined_at AS declinedAt, i.revoked_at AS revokedAt,
         i.created_at AS createdAt
  FROM invitations i WHERE ${where} ORDER BY i.created_at, i.rowid`;
