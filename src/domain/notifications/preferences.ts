import { and, asc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { events, notificationPreferences, type NotificationKind, type NotificationMode, type Role } from "../../db/schema";
import { AppError, invalid, type FieldErrors } from "../../lib/errors";
import { allows, type Member } from "../accounts";
import type { ServiceContext } from "../context";

export const NOTIFICATION_MODES = ["each", "digest", "none"] as const satisfies readonly NotificationMode[];
export const NOTIFICATION_KINDS = ["signup", "cancellation", "expired_offer"] as const satisfies readonly NotificationKind[];

/** One choice: how a member hears of an event's activity, and (for `each`) of which kinds. */
export interface NotificationChoice {
  mode: NotificationMode;
  kinds: NotificationKind[];
}

/** Nothing chosen is nothing sent: a new member gets no mail they did not ask for. */
export const NO_NOTIFICATIONS: NotificationChoice = { mode: "none", kinds: [] };

/** Activity mail tells organisers about attendees; the door staff's role does not see the lists. */
export const getsNotifications = (role: Role) => allows(role, "organiser");

/** A member's stored rows: the default (no event) and the overrides by event. */
export interface MemberPreferences {
  fallback: NotificationChoice;
  byEvent: Map<string, NotificationChoice>;
}

/** The choice that applies to one event: its override, else the member's default. */
export const choiceFor = (prefs: MemberPreferences, eventId: string): NotificationChoice => prefs.byEvent.get(eventId) ?? prefs.fallback;

/** Rows of `notification_preferences` (any members) grouped per member. */
export function groupPreferences(rows: { userId: string; eventId: string | null; mode: NotificationMode; kinds: NotificationKind[] }[]) {
  const out = new Map<string, MemberPreferences>();
  for (const row of rows) {
    let prefs = out.get(row.userId);
    if (!prefs) out.set(row.userId, (prefs = { fallback: NO_NOTIFICATIONS, byEvent: new Map() }));
    const choice = { mode: row.mode, kinds: row.mode === "each" ? row.kinds : [] };
    if (row.eventId === null) prefs.fallback = choice;
    else prefs.byEvent.set(row.eventId, choice);
  }
  return out;
}

/** One member's preferences. */
export async function memberPreferences(ctx: ServiceContext, userId: string): Promise<MemberPreferences> {
  const rows = await ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return groupPreferences(rows).get(userId) ?? { fallback: NO_NOTIFICATIONS, byEvent: new Map() };
}

/**
 * A submitted choice checked: a known mode, known kinds, and `each` with at least one
 * kind. Kinds are kept only for `each`, the one mode they change.
 */
export function parseChoice(input: { mode: unknown; kinds: unknown }): NotificationChoice {
  const errors: FieldErrors = {};
  const mode = NOTIFICATION_MODES.find((m) => m === input.mode);
  if (!mode) errors.mode = { code: "one_of", options: [...NOTIFICATION_MODES] };
  const given = Array.isArray(input.kinds) ? input.kinds : [];
  const kinds = NOTIFICATION_KINDS.filter((k) => given.includes(k));
  if (!Array.isArray(input.kinds) || given.length > NOTIFICATION_KINDS.length || kinds.length !== new Set(given).size)
    errors.kinds = { code: "one_of", options: [...NOTIFICATION_KINDS] };
  else if (mode === "each" && kinds.length === 0) errors.kinds = { code: "required" };
  if (Object.keys(errors).length || !mode) throw invalid(errors);
  return { mode, kinds: mode === "each" ? kinds : [] };
}

function refuseUnlessAllowed(member: Pick<Member, "role">) {
  if (!getsNotifications(member.role)) throw new AppError("role_not_allowed");
}

/** An event of the member's own organisation, or 404 (another's ids are never confirmed to exist). */
async function ownEvent(ctx: ServiceContext, member: Pick<Member, "orgId">, eventId: unknown) {
  if (typeof eventId !== "string" || eventId.length > 64) throw new AppError("event_not_found");
  const [event] = await ctx.db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.orgId, member.orgId)));
  if (!event) throw new AppError("event_not_found");
  return event.id;
}

/** The member's choice for every event without one of its own. */
export async function setDefaultNotifications({ ctx, member, input }: { ctx: ServiceContext; member: Member; input: { mode: unknown; kinds: unknown } }) {
  refuseUnlessAllowed(member);
  const choice = parseChoice(input);
  await ctx.db
    .insert(notificationPreferences)
    .values({ userId: member.id, orgId: member.orgId, eventId: null, ...choice, updatedAt: ctx.now() })
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      targetWhere: sql`event_id IS NULL`,
      set: { ...choice, updatedAt: ctx.now() },
    });
  return choice;
}

/** The member's choice for one event of their organisation, before their default. */
export async function setEventNotifications({
  ctx,
  member,
  input,
}: {
  ctx: ServiceContext;
  member: Member;
  input: { eventId: unknown; mode: unknown; kinds: unknown };
}) {
  refuseUnlessAllowed(member);
  const eventId = await ownEvent(ctx, member, input.eventId);
  const choice = parseChoice(input);
  await ctx.db
    .insert(notificationPreferences)
    .values({ userId: member.id, orgId: member.orgId, eventId, ...choice, updatedAt: ctx.now() })
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.eventId],
      targetWhere: sql`event_id IS NOT NULL`,
      set: { ...choice, updatedAt: ctx.now() },
    });
  return choice;
}

/** Removes the member's choice for one event: their default applies to it again. */
export async function clearEventNotifications({ ctx, member, input }: { ctx: ServiceContext; member: Member; input: { eventId: unknown } }) {
  refuseUnlessAllowed(member);
  const eventId = await ownEvent(ctx, member, input.eventId);
  await ctx.db
    .delete(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, member.id), eq(notificationPreferences.eventId, eventId)));
}

/**
 * What the account page shows: the default, the events with a choice of their own (with
 * their titles), and the events one may still choose for (not ended, not cancelled).
 */
export async function readNotificationSettings(ctx: ServiceContext, member: Member) {
  const prefs = await memberPreferences(ctx, member.id);
  const overrides = await ctx.db
    .select({ eventId: events.id, title: events.title, startsAt: events.startsAt, timezone: events.timezone, mode: notificationPreferences.mode, kinds: notificationPreferences.kinds })
    .from(notificationPreferences)
    .innerJoin(events, eq(events.id, notificationPreferences.eventId))
    .where(and(eq(notificationPreferences.userId, member.id), eq(events.orgId, member.orgId)))
    .orderBy(asc(events.startsAt));
  const choosable = await ctx.db
    .select({ id: events.id, title: events.title, startsAt: events.startsAt, timezone: events.timezone })
    .from(events)
    .where(and(eq(events.orgId, member.orgId), ne(events.status, "cancelled"), gt(events.endsAt, ctx.now()), isNull(events.anonymisedAt)))
    .orderBy(asc(events.startsAt))
    .limit(200);
  return {
    fallback: prefs.fallback,
    overrides: overrides.map((o) => ({ ...o, kinds: o.mode === "each" ? o.kinds : [] })),
    events: choosable.filter((e) => !prefs.byEvent.has(e.id)),
  };
}

export type NotificationSettings = Awaited<ReturnType<typeof readNotificationSettings>>;
