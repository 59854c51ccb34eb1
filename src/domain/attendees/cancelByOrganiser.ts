import { AppError } from "../../lib/errors";
import type { Actor } from "../audit";
import { registrationOfEvent } from "./attendeeRules";
import { cancelRegistration } from "../signup";
import type { OrgScope, ServiceContext } from "../context";

/** A registration an organiser may cancel: of this event, still live, its data still there. */
export async function cancellable(ctx: ServiceContext, input: OrgScope & { eventId: string; registrationId: string }) {
  const found = await registrationOfEvent(ctx, input.orgId, input.eventId, input.registrationId);
  const { registration, event } = found;
  if (event.event.anonymisedAt)
    throw new AppError("conflict", "The personal data of this event has been removed, so its list can no longer change.");
  if (registration.status === "cancelled") throw new AppError("conflict", `${registration.name}'s registration is already cancelled.`);
  return found;
}

/**
 * Cancels someone's registration on their behalf: they are told, and a seat they held
 * goes to the waitlist at once (see `cancelRegistration`). Unlike the attendee, an
 * organiser may do this after the event has started. Audited.
 */
export async function cancelByOrganiser({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: OrgScope & { eventId: string; registrationId: string };
  actor: Actor;
}) {
  const { registration } = await cancellable(ctx, input);
  return cancelRegistration({ ctx, input: { id: registration.id, orgId: input.orgId }, actor });
}
