import { organiserActivityEmail, organiserDigestEmail, type OrganiserEventPart } from "../../emails";
import type { NotificationKind } from "../db/schema";
import { splitFullName } from "../domain/personNames";
import { activeMember } from "./activeMember";
import { formatDay, formatDeadline } from "../i18n/format";
import { workspaceMessages } from "../i18n/workspace";
import type { ServiceContext } from "../domain/context";
import {
  activityBetween,
  choiceFor,
  DIGEST_ZONE,
  eventFigures,
  getsNotifications,
  memberPreferences,
  NAMES_PER_KIND,
  NOTIFICATION_KINDS,
  peopleByIds,
  type ActivityPerson,
  type EventFigures,
} from "../domain/notifications";
import { parseMailbox, type Composed, type MailSettings, type OutboxRow } from "./types";

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const numberOf = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** One event's part: the people still there to name (erased and anonymised ones drop out, from the counts too). */
function eventPart(
  ctx: ServiceContext,
  figures: EventFigures,
  lists: Record<NotificationKind, string[]>,
  totals: Record<NotificationKind, number>,
  people: Map<string, ActivityPerson>,
): OrganiserEventPart {
  const part = (kind: NotificationKind) => {
    const named = lists[kind].slice(0, NAMES_PER_KIND);
    const found = named.flatMap((id) => {
      const p = people.get(id);
      return p ? [{ name: p.name, organisation: p.organisation, waitlisted: p.status === "waitlisted" }] : [];
    });
    return { people: found, total: Math.max(found.length, totals[kind] - (named.length - found.length)) };
  };
  return {
    title: figures.title,
    listUrl: `${ctx.publicUrl}/admin/events/${figures.id}`,
    lists: { signup: part("signup"), cancellation: part("cancellation"), expired_offer: part("expired_offer") },
    figures: { confirmed: figures.confirmed, capacity: figures.capacity, waitlisted: figures.waitlisted, offered: figures.offered },
  };
}

const hasNews = (part: OrganiserEventPart) => NOTIFICATION_KINDS.some((k) => part.lists[k].total > 0);

/**
 * An organiser's activity email or daily digest, composed when sent from the member and
 * the registrations as they are then: a member removed, moved to the door or no longer
 * subscribed gets nothing, and people erased or anonymised meanwhile are not named.
 */
export async function composeOrganiserMail(ctx: ServiceContext, row: OutboxRow, settings: MailSettings, host: string): Promise<Composed> {
  const found = await activeMember(ctx, row);
  if ("skip" in found) return found;
  const { user, orgName } = found;
  if (!getsNotifications(user.role)) return { skip: "the member's role gets no notifications" };
  const prefs = await memberPreferences(ctx, user.id);
  const language = user.language;
  const w = workspaceMessages(language).notifications.mail;
  const base = {
    language,
    // Greeted by first name, as attendees are.
    name: (user.name && splitFullName(user.name).firstName) || null,
    orgName,
    settingsUrl: `${ctx.publicUrl}/admin/account#notifications`,
  };

  let rendered;
  if (row.kind === "organiser_activity") {
    if (!row.eventId || choiceFor(prefs, row.eventId).mode !== "each") return { skip: "no longer chosen" };
    const figures = (await eventFigures(ctx, [row.eventId])).get(row.eventId);
    if (!figures || figures.orgId !== user.orgId) return { skip: "event no longer exists" };
    const lists = { signup: idsOf(row.payload.signup), cancellation: idsOf(row.payload.cancellation), expired_offer: idsOf(row.payload.expired_offer) };
    const t = (row.payload.totals ?? {}) as Record<string, unknown>;
    const totals = { signup: numberOf(t.signup), cancellation: numberOf(t.cancellation), expired_offer: numberOf(t.expired_offer) };
    const people = await peopleByIds(ctx, figures.id, [...lists.signup, ...lists.cancellation, ...lists.expired_offer]);
    const part = eventPart(ctx, figures, lists, totals, people);
    if (!hasNews(part)) return { skip: "nobody left to name" };
    rendered = organiserActivityEmail(w, { ...base, events: [part] });
  } else {
    const from = new Date(numberOf(row.payload.from));
    const until = new Date(numberOf(row.payload.until));
    const activity = await activityBetween(ctx, { orgId: user.orgId, from, until });
    const chosen = [...activity.keys()].filter((id) => choiceFor(prefs, id).mode === "digest");
    const figures = await eventFigures(ctx, chosen);
    const parts = chosen.flatMap((id) => {
      const a = activity.get(id)!;
      const f = figures.get(id);
      const totals = { signup: a.lists.signup.length, cancellation: a.lists.cancellation.length, expired_offer: a.lists.expired_offer.length };
      return f ? [eventPart(ctx, f, a.lists, totals, a.people)] : [];
    });
    if (!parts.some(hasNews)) return { skip: "nothing happened" };
    rendered = organiserDigestEmail(w, {
      ...base,
      events: parts.filter(hasNews),
      day: formatDay(until, DIGEST_ZONE, language),
      since: formatDeadline(from, DIGEST_ZONE, language),
    });
  }
  return {
    mail: {
      messageId: `<${row.id}@${host}>`,
      // About the service, as sign-in links are: MAIL_FROM as it is.
      from: parseMailbox(settings.from),
      to: { name: user.name ?? "", address: user.email },
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    },
  };
}
