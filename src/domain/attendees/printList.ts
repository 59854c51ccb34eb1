import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { countRegistrations, registrationPages } from "../registrations";

// Swedish order (å, ä, ö after z), the order people look themselves up in at the door.
const byName = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

/**
 * The confirmed attendees of an event by name, for the list signed at the door. Read in
 * pages keeping only name and organisation: the Swedish order is Intl's, which SQLite
 * cannot sort by, so the names are gathered before sorting (the page then sends them in parts).
 */
export async function printList({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { eventId: string } }) {
  const found = await findEvent(ctx, input.eventId, input.orgId);
  const { upTo } = await countRegistrations(ctx, found.event.id, ["confirmed"]);
  const attendees: { id: string; name: string; organisation: string }[] = [];
  for await (const page of registrationPages(ctx, { eventId: found.event.id, statuses: ["confirmed"], upTo }))
    for (const { registration: r } of page) attendees.push({ id: r.id, name: r.name, organisation: r.organisation ?? "" });
  attendees.sort((a, b) => byName.compare(a.name, b.name) || byName.compare(a.organisation, b.organisation));
  return { event: found.event, attendees };
}
