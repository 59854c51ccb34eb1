import { and, eq, isNull } from "drizzle-orm";
import { registrations } from "../db/schema";
import { AppError } from "../lib/errors";
import type { OrgScope, ServiceContext } from "./context";
import { findRegistration, registrationView } from "./registrationView";

/**
 * Marks a confirmed attendee as arrived (or undoes it). Idempotent: the first arrival
 * time is kept when the door staff tap twice.
 */
export async function checkIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: OrgScope & { id: string; undo?: boolean };
}) {
  const { registration } = await findRegistration(ctx, input.id, input.orgId);
  if (input.undo) {
    await ctx.db.update(registrations).set({ checkedInAt: null }).where(eq(registrations.id, registration.id));
  } else {
    if (registration.status !== "confirmed")
      throw new AppError("not_confirmed", "Only confirmed attendees can be checked in.");
    await ctx.db
      .update(registrations)
      .set({ checkedInAt: ctx.now() })
      .where(and(eq(registrations.id, registration.id), eq(registrations.status, "confirmed"), isNull(registrations.checkedInAt)));
  }
  return registrationView(await findRegistration(ctx, registration.id));
}
