import { AppError } from "../../lib/errors";
import type { Actor } from "../audit";
import { refuseIfAnonymised, registrationOfEvent } from "./attendeeRules";
import { cancelRegistration } from "../signup";
import type { OrgScope, ServiceContext } from "../context";

/** A registration an organiser may cancel: of this event, still live, its data still there. */
export async function cancellable(ctx: ServiceContext, input: OrgScope & { eventId: string; registrationId: string }) {
  const found = await registrationOfEvent(ctx, input.orgId, input.eventId, input.registrationId);
  const { registration, event } = found;
  refuseIfAnonymised(event.event);
  if (registration.status === "cancelled" || registration.status === "expired") throw new AppError("already_cancelled", { name: registration.name });
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
