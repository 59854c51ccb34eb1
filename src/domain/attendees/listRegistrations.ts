import { z } from "zod";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { registrationView, selectEventRegistrations } from "../registrations";

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
  const rows = await selectEventRegistrations(ctx, input.eventId, input.status);
  return rows.map(registrationView);
}
