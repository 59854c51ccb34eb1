import { sheetOf, type Table } from "../../lib/spreadsheet";
import { auditEntry, type Actor } from "../audit";
import type { ServiceContext } from "../context";
import { participationReport, type ParticipationReport } from "./participationReport";
import type { ReportRange } from "./reportRange";

export type ReportKind = "organisations" | "people";

const numberColumn = (header: string) => ({ header, width: Math.max(10, header.length + 2) });

export function organisationsTable(report: ParticipationReport): Table {
  const line = (o: ParticipationReport["totals"]) => [o.organisation, o.people, o.registrations, o.confirmed, o.attended, o.events];
  return {
    columns: [{ header: "Organisation", width: 36 }, ...["People", "Registrations", "Confirmed", "Attended", "Events"].map(numberColumn)],
    rows: [...report.organisations.map(line), line(report.totals), ...notes(report, 6, "in the Total row, in no organisation's row")],
  };
}

export function peopleTable(report: ParticipationReport): Table {
  const confirmed = report.people.reduce((n, p) => n + p.confirmed, 0);
  const attended = report.people.reduce((n, p) => n + p.attended, 0);
  return {
    columns: [{ header: "Name", width: 28 }, { header: "Email", width: 32 }, { header: "Organisation", width: 30 }, numberColumn("Events registered (confirmed)"), numberColumn("Events attended")],
    rows: [...report.people.map((p) => [p.name, p.email, p.organisation, p.confirmed, p.attended]), [`Total: ${report.people.length} people`, null, null, confirmed, attended], ...notes(report, 5, "not in the rows or the total above")],
  };
}

const events = (n: number) => (n === 1 ? "1 event" : `${n} events`);

/** What the named rows leave out, said under them so a funder's reader sees it too. */
function notes(report: ParticipationReport, width: number, whereAnonymised: string) {
  const row = (text: string) => [text, ...Array<null>(width - 1).fill(null)];
  return [
    row(`Period: ${report.from} to ${report.to}; ${events(report.events)} (cancelled events not counted).`),
    ...(report.anonymisedRegistrations || report.anonymisedEvents
      ? [
          row(
            `Anonymised registrations (${events(report.anonymisedEvents)} past their retention period; ${whereAnonymised}): ` +
              `${report.anonymisedRegistrations}, of which ${report.anonymisedConfirmed} confirmed and ${report.anonymisedAttended} attended`,
          ),
        ]
      : []),
    row(`Cancelled registrations (not counted above): ${report.cancelledRegistrations}`),
  ];
}

/** A report for a download; the per-person list is personal data, so each export is audited. */
export async function exportReport({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: ReportRange & { report: ReportKind; format: "csv" | "xlsx" };
  actor: Actor;
}) {
  const report = await participationReport({ ctx, input: { orgId: actor.orgId, from: input.from, to: input.to } });
  const table = input.report === "people" ? peopleTable(report) : organisationsTable(report);
  await auditEntry(ctx, actor, {
    action: "export.report",
    subjectType: "organisation",
    subjectId: actor.orgId,
    detail: { report: input.report, format: input.format, from: input.from, to: input.to, rows: input.report === "people" ? report.people.length : report.organisations.length },
  });
  // One aggregate query makes the report; its rows (one per organisation or person) leave as one page.
  return { sheet: sheetOf(table), basename: `participation-${input.report}-${input.from}-to-${input.to}` };
}
