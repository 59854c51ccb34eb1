import { and, eq, sql, type SQL } from "drizzle-orm";
import { events, type Access, type EventTranslations, type Language, type Programme, type Question, type WaitlistMode } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { isoOrNull } from "../../lib/time";
import { eventUrl, type ServiceContext } from "../context";
import { confirmedSeats, offeredSeats, waitingCount } from "../seats";
import { coverOf } from "./coverView";

export type EventRow = typeof events.$inferSelect;

/**
 * Live counts as columns of a select from `events`. The outer column is written out:
 * drizzle leaves a single table's columns unqualified, which inside this subquery
 * would name the registration's own id.
 */
export const eventCounts = {
  confirmed: confirmedSeats(sql`"events"."id"`),
  waitlisted: waitingCount(sql`"events"."id"`),
  offered: offeredSeats(sql`"events"."id"`),
};

export interface EventWithCounts {
  event: EventRow;
  confirmed: number;
  waitlisted: number;
  /** Seats held for an open offer: taken, like confirmed ones. */
  offered: number;
}

/** Events with their live counts, read in one query. */
export async function selectEvents(ctx: ServiceContext, where: SQL | undefined, orderBy = events.startsAt) {
  return ctx.db
    .select({ event: events, ...eventCounts })
    .from(events)
    .where(where)
    .orderBy(orderBy);
}

export async function findEvent(ctx: ServiceContext, id: string, orgId?: string): Promise<EventWithCounts> {
  const where = orgId ? and(eq(events.id, id), eq(events.orgId, orgId)) : eq(events.id, id);
  const [row] = await selectEvents(ctx, where);
  if (!row) throw new AppError("event_not_found");
  return row;
}

export interface PublicEventView {
  id: string;
  slug: string;
  url: string;
  title: string;
  description: string | null;
  venue: string | null;
  address: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  language: Language;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Seats held for open offers to waitlisted people. */
  offered: number;
  seatsLeft: number;
  waitlist: boolean;
  waitlistMode: WaitlistMode;
  /** How long an offer of a freed seat holds it (waitlistMode "offer"). */
  offerMinutes: number;
  online: boolean;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  status: string;
  questions: Question[];
  /** How many people one web form submission may register. */
  groupLimit: number;
  /** The cover image's absolute, hashed URL, or null (uploaded in the workspace). */
  coverUrl: string | null;
  /** The event's words in other languages (see eventInLanguage). */
  translations: EventTranslations;
  /** How its sessions are booked: "none", "choose" or "package". */
  programme: Programme;
  /** At most how many sessions one attendee chooses ("choose"); null: no limit. */
  maxSessions: number | null;
  /** Who may sign up: "public", "invitation" (through a personal link) or "approval" (the organiser decides). */
  access: Access;
  /** Whether the event is on the organisation's public lists (unlisted: reachable by its link). */
  listed: boolean;
  /** At most how many live registrations one organisation may hold; null: no quota. */
  companyQuota: number | null;
}

export interface OrganiserEventView extends PublicEventView {
  onlineUrl: string | null;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
}

/** What anyone may see: the join link stays with organisers and confirmed attendees. */
export function publicEventView(ctx: ServiceContext, { event: e, confirmed, waitlisted, offered }: EventWithCounts): PublicEventView {
  return {
    id: e.id,
    slug: e.slug,
    url: eventUrl(ctx, e.slug),
    title: e.title,
    description: e.description,
    venue: e.venue,
    address: e.address,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timezone: e.timezone,
    language: e.language,
    capacity: e.capacity,
    confirmed,
    waitlisted,
    offered,
    seatsLeft: Math.max(0, e.capacity - confirmed - offered),
    waitlist: e.waitlist,
    waitlistMode: e.waitlistMode,
    offerMinutes: e.offerMinutes,
    online: e.onlineUrl !== null,
    registrationOpensAt: isoOrNull(e.registrationOpensAt),
    registrationClosesAt: isoOrNull(e.registrationClosesAt),
    status: e.status,
    questions: e.questions,
    groupLimit: e.groupLimit,
    coverUrl: coverOf(ctx, e)?.url ?? null,
    translations: e.translations,
    programme: e.programme,
    maxSessions: e.maxSessions,
    access: e.access,
    listed: e.listed,
    companyQuota: e.companyQuota,
  };
}

export function organiserEventView(ctx: ServiceContext, row: EventWithCounts): OrganiserEventView {
  const e = row.event;
  return {
    ...publicEventView(ctx, row),
    onlineUrl: e.onlineUrl,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    cancelledAt: isoOrNull(e.cancelledAt),
  };
}
