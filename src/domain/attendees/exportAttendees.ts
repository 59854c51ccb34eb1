import { attendanceRows, attendeesBasename, type AttendanceFilter } from "./attendanceRows";
import { auditEntry, type Actor } from "../audit";
import type { ServiceContext } from "../context";

export type ExportFormat = "csv" | "xlsx";

/**
 * The attendance list for a download. Personal data leaving the service is worth a trace:
 * the audit log records who took which list and how many rows, never the rows themselves.
 */
export async function exportAttendees({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: { eventId: string; format: ExportFormat; via?: "api" } & AttendanceFilter;
  actor: Actor;
}) {
  const { event, table } = await attendanceRows({ ctx, input: { orgId: actor.orgId, eventId: input.eventId, status: input.status } });
  await auditEntry(ctx, actor, {
    action: "export.attendees",
    subjectType: "event",
    subjectId: event.id,
    detail: { format: input.format, status: input.status ?? "live", rows: table.rows.length, ...(input.via ? { via: input.via } : {}) },
  });
  return { event, table, basename: attendeesBasename(ctx, event) };
}
