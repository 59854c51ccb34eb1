import { z } from "zod";
import { code } from "../../lib/zodIssues";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { registrationPages, registrationView } from "../registrations";

export const REGISTRATIONS_PER_PAGE = { default: 100, max: 1000 } as const;

export const listRegistrationsQuery = z.strictObject({
  status: z.enum(["confirmed", "offered", "waitlisted", "cancelled", "expired"]).optional(),
  limit: z.coerce.number().int().min(1).max(REGISTRATIONS_PER_PAGE.max).default(REGISTRATIONS_PER_PAGE.default),
  // Opaque to clients: the arrival number of the last registration of the page before.
  cursor: z.string().regex(/^[1-9]\d{0,15}$/, code("invalid")).optional(),
});

/**
 * One page of the attendance list of one of the organisation's events, in arrival order,
 * with the cursor of the next page (null on the last). A page costs its own rows and one
 * count for the waitlist positions before it, however long the list.
 */
export async function listRegistrations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string } & Partial<z.infer<typeof listRegistrationsQuery>>;
}) {
  await findEvent(ctx, input.eventId, input.orgId);
  const limit = input.limit ?? REGISTRATIONS_PER_PAGE.default;
  const statuses = input.status ? [input.status] : (["confirmed", "offered", "waitlisted", "cancelled", "expired"] as const);
  const pages = registrationPages(ctx, {
    eventId: input.eventId,
    statuses: [...statuses],
    upTo: Number.MAX_SAFE_INTEGER,
    pageSize: limit + 1,
    after: input.cursor ? Number(input.cursor) : 0,
  });
  // A part can come short while the statuses are merged: gather until one more than a page.
  const found = [];
  for await (const part of pages) {
    found.push(...part);
    if (found.length > limit) break;
  }
  const rows = found.slice(0, limit);
  return {
    registrations: rows.map(registrationView),
    next: found.length > limit ? String(rows.at(-1)!.registration.seq) : null,
  };
}
