import slugify from "@sindresorhus/slugify";
import { eq } from "drizzle-orm";
import { events } from "../../db/schema";
import type { FieldErrors } from "../../lib/errors";
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
  if (e.endsAt <= e.startsAt) errors.endsAt = "Must be after startsAt.";
  if (e.registrationOpensAt && e.registrationClosesAt && e.registrationClosesAt <= e.registrationOpensAt)
    errors.registrationClosesAt = "Must be after registrationOpensAt.";
  if (e.registrationClosesAt && e.registrationClosesAt > e.endsAt)
    errors.registrationClosesAt = "Must not be after the event ends.";
  return errors;
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
