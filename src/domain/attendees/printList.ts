import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { selectEventRegistrations } from "../registrations";

// Swedish order (å, ä, ö after z), the order people look themselves up in at the door.
const byName = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

/** The confirmed attendees of an event by name, for the list signed at the door. */
export async function printList({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { eventId: string } }) {
  const found = await findEvent(ctx, input.eventId, input.orgId);
  const rows = await selectEventRegistrations(ctx, input.eventId, "confirmed");
  const attendees = rows
    .map(({ registration: r }) => ({ id: r.id, name: r.name, organisation: r.organisation ?? "" }))
    .sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.organisation, b.organisation));
  return { event: found.event, attendees };
}
