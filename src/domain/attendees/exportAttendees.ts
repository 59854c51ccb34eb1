import { attendanceRows, attendeesBasename, type AttendanceFilter } from "./attendanceRows";
import type { Language } from "../../db/schema";
import { auditEntry, type Actor } from "../audit";
import type { ServiceContext } from "../context";

export type ExportFormat = "csv" | "xlsx";

/**
 * The attendance list for a download. Personal data leaving the service is worth a trace:
 * the audit log records who took which list and how many rows, never the rows themselves.
 * The row count is counted before the first row is read, and the entry written before
 * any row leaves: a download broken off halfway is still on record.
 */
export async function exportAttendees({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  /** `ids`: only these registrations (`parseSelection`), whatever their status. */
  input: { eventId: string; format: ExportFormat; language: Language; via?: "api"; ids?: string[] } & AttendanceFilter;
  actor: Actor;
}) {
  const { event, sheet } = await attendanceRows({ ctx, input: { orgId: actor.orgId, eventId: input.eventId, status: input.status, language: input.language, ids: input.ids } });
  const status = input.ids ? "selected" : (input.status ?? "live");
  await auditEntry(ctx, actor, {
    action: "export.attendees",
    subjectType: "event",
    subjectId: event.id,
    detail: { format: input.format, status, rows: sheet.count, ...(input.via ? { via: input.via } : {}) },
  });
  return { event, sheet, basename: attendeesBasename(ctx, event, input.language) };
}
