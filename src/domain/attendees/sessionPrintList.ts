import type { OrgScope, ServiceContext } from "../context";
import { findEvent } from "../events";
import { sessionRegistrations } from "../programme";
import { byListOrder, listName, type PrintedAttendee } from "./printList";

/**
 * A session's list for its organisers (seats, its waitlist, the wishes of those waiting
 * for the event) and, for paper, its seat-holders in the printed list's order.
 */
export async function sessionList({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { sessionId: string } }) {
  const list = await sessionRegistrations({ ctx, input });
  const { event } = await findEvent(ctx, list.event.id, input.orgId);
  return { ...list, event };
}

/** The seat-holders of a session by last name, as the event's printed list orders its attendees. */
export async function sessionPrintList({ ctx, input }: { ctx: ServiceContext; input: OrgScope & { sessionId: string } }) {
  const { event, session, registrations } = await sessionList({ ctx, input });
  const attendees: PrintedAttendee[] = registrations
    .filter((r) => r.status === "confirmed")
    .map((r) => ({ id: r.registrationId, name: r.name, listName: listName(r), firstName: r.firstName, lastName: r.lastName, organisation: r.organisation ?? "" }));
  return { event, session, attendees: attendees.sort(byListOrder) };
}
