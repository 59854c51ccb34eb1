import { z } from "zod";
import { events } from "../../db/schema";
import { isUniqueViolation } from "../../db/errors";
import { AppError, invalid } from "../../lib/errors";
import { newId } from "../../lib/secrets";
import { auditEntry, type Actor } from "../audit";
import type { OrgScope, ServiceContext } from "../context";
import { slugFromTitle, slugIsFree, timeErrors } from "./eventRules";
import { findEvent, organiserEventView } from "./eventView";
import { eventFields } from "../schemas";

export const createEventInput = z.strictObject({
  ...eventFields,
  timezone: eventFields.timezone.default("Europe/Stockholm"),
  slug: eventFields.slug.optional(),
  language: eventFields.language.default("sv"),
  waitlist: eventFields.waitlist.default(true),
  waitlistMode: eventFields.waitlistMode.default("auto"),
  offerMinutes: eventFields.offerMinutes.default(1440),
  status: eventFields.status.default("published"),
  questions: eventFields.questions.default([]),
  groupLimit: eventFields.groupLimit.default(5),
  translations: eventFields.translations.default({}),
  programme: eventFields.programme.default("none"),
  access: eventFields.access.default("public"),
  listed: eventFields.listed.default(true),
});
// Callers inside the service (the demo, the workspace) may leave the translations out.
export type CreateEventInput = Omit<z.infer<typeof createEventInput>, "translations" | "programme" | "access" | "listed"> &
  Partial<Pick<z.infer<typeof createEventInput>, "translations" | "programme" | "access" | "listed">>;

/** Creates an event; with an `actor`, its audit entry is written in the same batch. */
export async function createEvent({ ctx, input, actor }: { ctx: ServiceContext; input: CreateEventInput & OrgScope; actor?: Actor }) {
  const errors = timeErrors(input);
  if (Object.keys(errors).length) throw invalid(errors);

  const now = ctx.now();
  const id = newId("evt");
  const base = input.slug ?? slugFromTitle(input.title);
  // A slug made from the title gets a suffix when taken, also when another event took
  // it between our look and our insert; a slug the organiser chose is refused instead.
  let slug = base;
  if (!input.slug && !(await slugIsFree(ctx, base))) slug = `${base}-${id.slice(-5)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const insert = ctx.db.insert(events).values({
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
        waitlistMode: input.waitlistMode,
        offerMinutes: input.offerMinutes,
        language: input.language,
        registrationOpensAt: input.registrationOpensAt ?? null,
        registrationClosesAt: input.registrationClosesAt ?? null,
        status: input.status,
        questions: input.questions,
        groupLimit: input.groupLimit,
        translations: input.translations ?? {},
        programme: input.programme ?? "none",
        maxSessions: input.maxSessions ?? null,
        access: input.access ?? "public",
        listed: input.listed ?? true,
        companyQuota: input.companyQuota ?? null,
        createdAt: now,
        updatedAt: now,
      });
      if (actor)
        await ctx.db.batch([insert, auditEntry(ctx, actor, { action: "event.create", subjectType: "event", subjectId: id, detail: { title: input.title } })]);
      else await insert;
      break;
    } catch (err) {
      if (!isUniqueViolation(err, "events.slug")) throw err;
      if (input.slug || attempt >= 3)
        throw new AppError("slug_taken", { slug }, { slug: { code: "taken" } });
      slug = `${base}-${newId("s").slice(-5)}`;
    }
  }
  return organiserEventView(ctx, await findEvent(ctx, id, input.orgId));
}
