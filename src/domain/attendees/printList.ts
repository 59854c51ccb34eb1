import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { countRegistrations, registrationPages } from "../registrations";

// Swedish order (å, ä, ö after z), the order people look themselves up in at the door.
const byName = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

export interface PrintedAttendee {
  id: string;
  name: string;
  listName: string;
  firstName: string;
  lastName: string;
  organisation: string;
}

/** A name as a list sorted by last name shows it; a name without parts stays whole. */
export const listName = (p: { name: string; firstName: string; lastName: string }) =>
  p.lastName && p.firstName ? `${p.lastName}, ${p.firstName}` : p.name;

/** The printed lists' order: last name, then first name, then organisation, in Swedish order. */
export const byListOrder = (a: PrintedAttendee, b: PrintedAttendee) =>
  byName.compare(a.lastName || a.name, b.lastName || b.name) || byName.compare(a.firstName, b.firstName) || byName.compare(a.organisation, b.organisation);

/**
 * The confirmed attendees of an event by last name, then first name, for the list signed
 * at the door: `listName` is how the list shows them ("Svensson, Anna"). Read in
 * pages keeping only name and organisation: the Swedish order is Intl's, which SQLite
 * cannot sort by, so the names are gathered before sorting (the page then sends them in parts).
 */
export async function printList({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { eventId: string } }) {
  const found = await findEvent(ctx, input.eventId, input.orgId);
  const { upTo } = await countRegistrations(ctx, found.event.id, ["confirmed"]);
  const attendees: PrintedAttendee[] = [];
  for await (const page of registrationPages(ctx, { eventId: found.event.id, statuses: ["confirmed"], upTo }))
    for (const { registration: r } of page)
      attendees.push({ id: r.id, name: r.name, listName: listName(r), lastName: r.lastName, firstName: r.firstName, organisation: r.organisation ?? "" });
  attendees.sort(byListOrder);
  return { event: found.event, attendees };
}
