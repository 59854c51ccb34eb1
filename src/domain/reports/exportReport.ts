import type { Language } from "../../db/schema";
import { workspaceMessages } from "../../i18n/workspace";
import { fill } from "../../i18n/messages";
import { plural as count } from "../../i18n/pages";
import { sheetOf, type Table } from "../../lib/spreadsheet";
import { auditEntry, type Actor } from "../audit";
import type { ServiceContext } from "../context";
import { NO_ORGANISATION, participationReport, type ParticipationReport } from "./participationReport";
import type { ReportRange } from "./reportRange";

export type ReportKind = "organisations" | "people";

/** The report files' words in the member's language. */
const fileWords = (language: Language) => workspaceMessages(language).records.exports.report;

/** An organisation's name as a file shows it: the line of those who typed none in the reader's words. */
export const organisationName = (organisation: string, language: Language) =>
  organisation === NO_ORGANISATION ? fileWords(language).noOrganisation : organisation;

const numberColumn = (header: string) => ({ header, width: Math.max(10, header.length + 2) });

export function organisationsTable(report: ParticipationReport, language: Language): Table {
  const w = fileWords(language);
  const c = w.columns;
  const line = (name: string, o: ParticipationReport["totals"]) => [name, o.people, o.registrations, o.confirmed, o.attended, o.events];
  return {
    columns: [{ header: c.organisation, width: 36 }, ...[c.people, c.registrations, c.confirmed, c.attended, c.events].map(numberColumn)],
    rows: [
      ...report.organisations.map((o) => line(organisationName(o.organisation, language), o)),
      line(w.total, report.totals),
      ...notes(report, 6, w.anonymisedWhere.organisations, language),
    ],
  };
}

export function peopleTable(report: ParticipationReport, language: Language): Table {
  const w = fileWords(language);
  const c = w.columns;
  const confirmed = report.people.reduce((n, p) => n + p.confirmed, 0);
  const attended = report.people.reduce((n, p) => n + p.attended, 0);
  return {
    columns: [{ header: c.name, width: 28 }, { header: c.email, width: 32 }, { header: c.organisation, width: 30 }, numberColumn(c.eventsConfirmed), numberColumn(c.eventsAttended)],
    rows: [
      ...report.people.map((p) => [p.name, p.email, p.organisation, p.confirmed, p.attended]),
      [count(language, w.totalPeople, report.people.length), null, null, confirmed, attended],
      ...notes(report, 5, w.anonymisedWhere.people, language),
    ],
  };
}

/** What the named rows leave out, said under them so a funder's reader sees it too. */
function notes(report: ParticipationReport, width: number, whereAnonymised: string, language: Language) {
  const w = fileWords(language);
  const row = (text: string) => [text, ...Array<null>(width - 1).fill(null)];
  return [
    row(fill(w.period, { from: report.from, to: report.to, events: count(language, w.events, report.events) })),
    ...(report.anonymisedRegistrations || report.anonymisedEvents
      ? [
          row(
            fill(w.anonymised, {
              events: count(language, w.events, report.anonymisedEvents),
              where: whereAnonymised,
              registrations: report.anonymisedRegistrations,
              confirmed: report.anonymisedConfirmed,
              attended: report.anonymisedAttended,
            }),
          ),
        ]
      : []),
    row(fill(w.cancelled, { n: report.cancelledRegistrations })),
  ];
}

/** The sheet's name and the file's basename of a report in `language`: `deltagande-personer-2027-01-01-till-2027-12-31`. */
export const reportNames = (report: ReportKind, range: ReportRange, language: Language) => {
  const w = fileWords(language);
  return { sheetName: w.sheets[report], basename: `${w.files[report]}-${range.from}-${w.fileTo}-${range.to}` };
};

/**
 * A report for a download, its headers and notes in `language`; the per-person list is
 * personal data, so each export is audited.
 */
export async function exportReport({
  ctx,
  input,
  actor,
}: {
  ctx: ServiceContext;
  input: ReportRange & { report: ReportKind; format: "csv" | "xlsx"; language: Language };
  actor: Actor;
}) {
  const report = await participationReport({ ctx, input: { orgId: actor.orgId, from: input.from, to: input.to } });
  const table = input.report === "people" ? peopleTable(report, input.language) : organisationsTable(report, input.language);
  await auditEntry(ctx, actor, {
    action: "export.report",
    subjectType: "organisation",
    subjectId: actor.orgId,
    detail: { report: input.report, format: input.format, from: input.from, to: input.to, rows: input.report === "people" ? report.people.length : report.organisations.length },
  });
  // One aggregate query makes the report; its rows (one per organisation or person) leave as one page.
  return { sheet: sheetOf(table), ...reportNames(input.report, input, input.language) };
}
