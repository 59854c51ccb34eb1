import { z } from "zod";
import { events } from "../db/schema";
import { isUniqueViolation } from "../db/errors";
import { AppError, invalid } from "../lib/errors";
import { newId } from "../lib/secrets";
import type { OrgScope, ServiceContext } from "./context";
import { slugFromTitle, slugIsFree, timeErrors } from "./eventRules";
import { findEvent, organiserEventView } from "./eventView";
import { eventFields } from "./schemas";

export const createEventInput = z.strictObject({
  ...eventFields,
  timezone: eventFields.timezone.default("Europe/Stockholm"),
  slug: eventFields.slug.optional(),
  language: eventFields.language.default("sv"),
  waitlist: eventFields.waitlist.default(true),
  status: eventFields.status.default("published"),
  questions: eventFields.questions.default([]),
});
export type CreateEventInput = z.infer<typeof createEventInput>;

export async function createEvent({ ctx, input }: { ctx: ServiceContext; input: CreateEventInput & OrgScope }) {
  const errors = timeErrors(input);
  if (Object.keys(errors).length) throw invalid(errors);

  const now = ctx.now();
  const id = newId("evt");
  let slug = input.slug ?? slugFromTitle(input.title);
  if (!input.slug && !(await slugIsFree(ctx, slug))) slug = `${slug}-${id.slice(-5)}`;
  try {
    await ctx.db.insert(events).values({
      id,
      orgId: input.orgId,
      slug,
      title: input.title,
      description: input.description ?? null,
      venue: input.venue ?? null,
      address: input.address ?? null,
      onlineUrl: input.onlineUrl ?? null,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      timezone: input.timezone,
      capacity: input.capacity,
      waitlist: input.waitlist,
      language: input.language,
      registrationOpensAt: input.registrationOpensAt ?? null,
      registrationClosesAt: input.registrationClosesAt ?? null,
      status: input.status,
      questions: input.questions,
      createdAt: now,
      updatedAt: now,
    });
  } catch (err) {
    if (isUniqueViolation(err, "events.slug"))
      throw new AppError("slug_taken", `The slug "${slug}" is already in use.`, { slug: "Already in use." });
    throw err;
  }
  return organiserEventView(ctx, await findEvent(ctx, id, input.orgId));
}
