import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { registrations } from "../db/schema";
import type { OrgScope, ServiceContext } from "./context";
import { findEvent } from "./eventView";
import { registrationView, selectRegistrations } from "./registrationView";

export const listRegistrationsQuery = z.strictObject({
  status: z.enum(["confirmed", "waitlisted", "cancelled"]).optional(),
});

/** The attendance list of one of the organisation's events, in arrival order. */
export async function listRegistrations({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string } & z.infer<typeof listRegistrationsQuery>;
}) {
  await findEvent(ctx, input.eventId, input.orgId);
  const rows = await selectRegistrations(
    ctx,
    and(
      eq(registrations.eventId, input.eventId),
      input.status ? eq(registrations.status, input.status) : undefined,
    ),
  );
  return rows.map(registrationView);
}
