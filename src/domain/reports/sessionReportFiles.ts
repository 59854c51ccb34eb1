import type { Language } from "../../db/schema";
import { workspaceMessages } from "../../i18n/workspace";
import { toLocalInput } from "../../lib/localTime";
import { sheetOf, type Table } from "../../lib/spreadsheet";
import { auditEntry, type Actor } from "../audit";
import type { ServiceContext } from "../context";
import { organisationName } from "./exportReport";
import type { ReportRange } from "./reportRange";
import { sessionReport, type SessionReport } from "./sessionReport";

export type SessionReportKind = "sessions" | "hoursOrganisations" | "hoursPeople";

const words = (language: Language) => workspaceMessages(language).sessionDesk.reports;
const numberColumn = (header: string) => ({ header, width: Math.max(10, header.length + 2) });

export function sessionsTable(report: SessionReport, language: Language): Table {
  const c = words(language).columns;
  return {
    columns: [{ header: c.event, width: 30 }, { header: c.session, width: 30 }, { header: c.startsAt, width: 17 }, ...[c.length, c.seats, c.checkedIn].map(numberColumn)],
    rows: report.sessions.map((s) => [s.eventTitle, s.title, { clock: toLocalInput(s.startsAt, s.timezone).replace("T", " ") }, s.hours, s.seats, s.checkedIn]),
  };
}

export function hoursOrganisationsTable(report: SessionReport, language: Language): Table {
  const w = words(language);
  const c = w.columns;
  return {
    columns: [{ header: c.organisation, width: 36 }, ...[c.people, c.sessions, c.hours].map(numberColumn)],
    rows: [
      ...report.organisations.map((o) => [organisationName(o.organisation, language), o.people, o.sessions, o.hours]),
      [w.total, null, null, report.totalHours],
    ],
  };
}

export function hoursPeopleTable(report: SessionReport, language: Language): Table {
  const w = words(language);
  const c = w.columns;
  return {
    columns: [{ header: c.name, width: 28 }, { header: c.email, width: 32 }, { header: c.organisation, width: 30 }, numberColumn(c.sessions), numberColumn(c.hours)],
    rows: [...report.people.map((p) => [p.name, p.email, p.organisation, p.sessions, p.hours]), [w.total, null, null, null, report.totalHours]],
  };
}

const tables: Record<SessionReportKind, (report: SessionReport, language: Language) => Table> = {
  sessions: sessionsTable,
  hoursOrganisations: hoursOrganisationsTable,
  hoursPeople: hoursPeopleTable,
};

/** A session report for a download, in `language`; audited like the other reports (the per-person one is personal data). */
export async function exportSessionReport({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: ReportRange & { report: SessionReportKind; format: "csv" | "xlsx"; language: Language };
  actor: Actor;
}) {
  const report = await sessionReport({ ctx, input: { orgId: actor.orgId, from: input.from, to: input.to } });
  const table = tables[input.report](report, input.language);
  await auditEntry(ctx, actor, {
    action: "export.report",
    subjectType: "organisation",
    subjectId: actor.orgId,
    detail: { report: input.report, format: input.format, from: input.from, to: input.to, rows: table.rows.length },
  });
  const w = words(input.language);
  const fileTo = workspaceMessages(input.language).records.exports.report.fileTo;
  return { sheet: sheetOf(table), sheetName: w.sheets[input.report], basename: `${w.files[input.report]}-${input.from}-${fileTo}-${input.to}` };
}
