import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { changedRows } from "../../db/client";
import { registrations } from "../../db/schema";
import { AppError, invalid } from "../../lib/errors";
import { code, issueCode } from "../../lib/zodIssues";
import type { Actor } from "../audit";
import { arrivalStatements, doorIsOpen } from "../checkin";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { waitlistPositions, type RegistrationRow } from "../registrations";
import { cancelStatements } from "../signup";
import { listStillOpenSql, openEvent, refuseIfAnonymised } from "./attendeeRules";

/**
 * Registrations one action on the list may name at once: a full page ten times over, and
 * a form body (about 30 bytes an id) well inside the request size limit, so the cap is
 * what a client meets, as a field error, rather than a refused body.
 */
export const MAX_SELECTED = 1000;

const selectionSchema = z
  .array(z.string().regex(/^reg_[0-9a-z]{1,40}$/, code("invalid")))
  .min(1, code("none_selected"))
  .max(MAX_SELECTED);

/** Ids of a selection as a form sent them (`ids`, once per ticked row): each once, or the field error. */
export function parseSelection(ids: string[]): string[] {
  const parsed = selectionSchema.safeParse(ids.filter((id) => id !== ""));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid({ ids: issue.code === "too_small" ? { code: "none_selected" } : issueCode(issue) });
  }
  return [...new Set(parsed.data)];
}

export interface Selection extends OrgScope {
  eventId: string;
  /** As the form sent them: checked here, after the event (so another organisation's event is "not found" first). */
  ids: string[];
}

/**
 * SQL on `registrations`: the selected ones of this event (ids from `parseSelection`). The ids travel as one JSON
 * value: D1 binds at most 100 values per statement.
 */
export const selectedSql = ({ eventId, ids }: Pick<Selection, "eventId" | "ids">): SQL =>
  sql`${registrations.eventId} = ${eventId} AND ${registrations.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * The selected registrations of one of the organisation's events, in arrival order, with
 * the waitlisted ones' places. Every id must be one of this event's registrations: one
 * that is not (another event's, another organisation's, erased, made up) refuses the whole
 * selection, before anything changes, without saying whose it is.
 */
export async function selectedRegistrations(ctx: ServiceContext, selection: Selection) {
  const { event } = await findEvent(ctx, selection.eventId, selection.orgId);
  const ids = parseSelection(selection.ids);
  const rows: RegistrationRow[] = await ctx.db.select().from(registrations).where(selectedSql({ eventId: event.id, ids })).orderBy(registrations.seq);
  if (rows.length !== ids.length) throw new AppError("not_on_list");
  const positions = await waitlistPositions(ctx, event.id, rows.filter((r) => r.status === "waitlisted").map((r) => r.seq));
  return { event, ids, rows: rows.map((registration) => ({ registration, position: positions.get(registration.seq) ?? null })) };
}

/** A selection of an event whose list may still change (not cancelled, not anonymised). */
async function openSelection(ctx: ServiceContext, selection: Selection) {
  await openEvent(ctx, selection.orgId, selection.eventId);
  return selectedRegistrations(ctx, selection);
}

/** The selection before cancelling it: who would be cancelled, and who is cancelled already. */
export async function reviewCancelSelected({ ctx, input }: { ctx: ServiceContext; input: Selection }) {
  const { event, rows } = await openSelection(ctx, input);
  return { event, rows, live: rows.filter((r) => r.registration.status !== "cancelled" && r.registration.status !== "expired").length };
}

/**
 * Cancels the selected registrations on their behalf, in one batch, with the very
 * statements one cancellation uses (`cancelStatements`): each person still live is told and
 * audited, and the seats freed go to the waitlist in the same write. Those already
 * cancelled are left as they are. Returns how many were cancelled and how many were not.
 */
export async function cancelSelected({ ctx, input, actor }: { ctx: ServiceContext; input: Selection; actor: Actor }) {
  const { rows, ids } = await openSelection(ctx, input);
  // The event's state is read again inside the write: cancelled or anonymised meanwhile, nothing changes.
  const which = sql`${selectedSql({ eventId: input.eventId, ids })} AND ${listStillOpenSql(input.eventId)}`;
  // The first statement writes one audit entry per person the UPDATE after it cancels.
  const [audited] = await ctx.db.batch(cancelStatements(ctx, { eventId: input.eventId, which, byAttendee: false, actor }));
  const cancelled = changedRows(audited);
  return { cancelled, skipped: rows.length - cancelled };
}

/**
 * Checks in the selected attendees, in one batch with the door's own statements
 * (`arrivalStatements`): only the confirmed who have not arrived change, each audited.
 * Returns how many arrived now and how many were not checked in (already there, no seat).
 */
export async function checkInSelected({ ctx, input, actor }: { ctx: ServiceContext; input: Selection; actor: Actor }) {
  const { event, rows, ids } = await selectedRegistrations(ctx, input);
  refuseIfAnonymised(event);
  if (!doorIsOpen(event)) throw new AppError("checkin_event_cancelled");
  const which = selectedSql({ eventId: input.eventId, ids });
  const [updated] = await ctx.db.batch(arrivalStatements(ctx, { eventId: input.eventId, which, via: "list", actor }));
  const checkedIn = changedRows(updated);
  return { checkedIn, skipped: rows.length - checkedIn };
}
