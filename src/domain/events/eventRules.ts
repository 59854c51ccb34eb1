import slugify from "@sindresorhus/slugify";
import { eq } from "drizzle-orm";
import { events } from "../../db/schema";
import { AppError, type FieldErrors } from "../../lib/errors";
import type { ServiceContext } from "../context";

interface Times {
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
}

/** Rules across fields, checked on create and on the merged result of an update. */
export function timeErrors(e: Times): FieldErrors {
  const errors: FieldErrors = {};
  if (e.endsAt <= e.startsAt) errors.endsAt = { code: "after_start" };
  if (e.registrationOpensAt && e.registrationClosesAt && e.registrationClosesAt <= e.registrationOpensAt)
    errors.registrationClosesAt = { code: "after_opening" };
  if (e.registrationClosesAt && e.registrationClosesAt > e.endsAt) errors.registrationClosesAt = { code: "not_after_end" };
  return errors;
}

/** Whether the event has begun: from then on attendees can no longer cancel themselves. */
export const hasStarted = (e: { startsAt: Date | string }, now: Date) => new Date(e.startsAt) <= now;

/** A cancelled event stays as everyone was told it was; it can be duplicated instead. */
export const isEditable = (e: { status: string }) => e.status !== "cancelled";

export function refuseUnlessEditable(e: { status: string }) {
  if (!isEditable(e)) throw new AppError("cancelled_event_unchangeable");
}

// Nordic letters the way Swedes and Norwegians write them in URLs (the default
// transliteration is German: ä → ae).
const nordic: [string, string][] = [
  ["å", "a"], ["ä", "a"], ["ö", "o"], ["æ", "ae"], ["ø", "o"],
  ["Å", "a"], ["Ä", "a"], ["Ö", "o"], ["Æ", "ae"], ["Ø", "o"],
];

export const slugFromTitle = (title: string) =>
  slugify(title, { customReplacements: nordic, decamelize: false }).slice(0, 80).replace(/-+$/, "") || "event";

export async function slugIsFree(ctx: ServiceContext, slug: string) {
  const [taken] = await ctx.db.select({ id: events.id }).from(events).where(eq(events.slug, slug)).limit(1);
  return !taken;
}
