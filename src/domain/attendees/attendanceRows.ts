import { z } from "zod";
import type { Answers, Language, Question, RegistrationStatus } from "../../db/schema";
import { workspaceMessages } from "../../i18n/workspace";
import { toLocalInput } from "../../lib/localTime";
import type { Cell, ClockTime, Column, SheetRecipe, SheetSource } from "../../lib/spreadsheet";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, type EventRow } from "../events";
import { countRegistrations, registrationPages, type RegistrationRow } from "../registrations";
import { selectedRegistrations } from "./selection";
import { invitationColumn } from "./invitationColumn";
import { sessionColumns } from "./sessionColumns";

/** The same filter as the JSON list; without one, the live list (confirmed and waitlisted). */
export const attendanceQuery = z.object({
  status: z.enum(["confirmed", "offered", "waitlisted", "cancelled", "expired"]).optional(),
});
export type AttendanceFilter = z.infer<typeof attendanceQuery>;

/** `2027-03-18 09:12` on the event's own clock: what an organiser compares with the programme. */
export const localTime = (instant: Date | null, zone: string): ClockTime | null =>
  instant ? { clock: toLocalInput(instant, zone).replace("T", " ") } : null;

/** The files' words in a language: the workspace's member's, or English for the public API. */
const fileWords = (language: Language) => workspaceMessages(language).records.exports;

const yesNo = (flag: boolean, language: Language) => (flag ? fileWords(language).yes : fileWords(language).no);

/** An answer as text; a checkbox says yes or no in `language` (the API's files: English). */
export function answerText(question: Question, answers: Answers, language: Language): string {
  const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
  if (question.kind === "checkbox") return yesNo(value === true, language);
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "string" ? value : "";
}

const fixedColumns = (language: Language) => {
  const c = fileWords(language).attendance.columns;
  return [
    { header: c.name, width: 24 },
    { header: c.email, width: 30 },
    { header: c.organisation, width: 24 },
    { header: c.phone, width: 16 },
    { header: c.status, width: 11 },
    { header: c.position, width: 10 },
    { header: c.signedUp, width: 17 },
    { header: c.checkedIn, width: 17 },
    { header: c.addedByHand, width: 9 },
    { header: c.overCapacity, width: 9 },
    { header: c.language, width: 9 },
    { header: c.consent, width: 17 },
  ];
};

/** The file's columns: the fixed ones, a column per question, then (with a programme) one per session, then (by invitation) the invitation's. */
const columnsOf = (event: EventRow, language: Language, sessions: Column[], invitation: Column[]) => [
  ...fixedColumns(language),
  ...event.questions.map((q) => ({ header: q.label })),
  ...sessions,
  ...invitation,
];

function attendanceRow(event: EventRow, r: RegistrationRow, position: number | null, language: Language): Cell[] {
  const zone = event.timezone;
  return [
    r.name,
    r.email,
    r.organisation ?? "",
    r.phone ?? "",
    fileWords(language).statuses[r.status],
    position,
    localTime(r.createdAt, zone),
    localTime(r.checkedInAt, zone),
    yesNo(r.addedBy !== null, language),
    yesNo(r.overCapacity, language),
    r.language,
    localTime(r.consentAt, zone),
    ...event.questions.map((q) => answerText(q, r.answers, language)),
  ];
}

/**
 * The attendance list of one of the organisation's events as a sheet in arrival order:
 * the one source of the CSV, the XLSX and the API's CSV, so every format says the same.
 * Counted first and read in pages up to the last row counted, so the count is the rows
 * sent (unless someone's status changes during the download) and no page is the whole list.
 */
export async function attendanceRows({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  /**
   * `counted`: the count already taken (when the rows are read again from a recipe);
   * `language`: of the headers and the words in cells (the member's; English for the API).
   */
  input: OrgScope & { eventId: string; language: Language; counted?: { count: number; upTo: number }; ids?: string[] } & AttendanceFilter;
}) {
  if (input.ids) return selectedRows({ ...input, ids: input.ids }, ctx);
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  const statuses: RegistrationStatus[] = input.status ? [input.status] : ["confirmed", "offered", "waitlisted"];
  const { count, upTo } = input.counted ?? (await countRegistrations(ctx, event.id, statuses));
  const programme = await sessionColumns(ctx, event, input.language);
  const invitation = invitationColumn(ctx, event, input.language);
  async function* pages() {
    for await (const page of registrationPages(ctx, { eventId: event.id, statuses, upTo })) {
      const places = await programme.cells(page.map((row) => row.registration.id));
      const invited = await invitation.cells(page.map((row) => row.registration.invitationId));
      yield page.map((row) => [
        ...attendanceRow(event, row.registration, row.position, input.language),
        ...places(row.registration.id),
        ...invited(row.registration.invitationId),
      ]);
    }
  }
  const recipe = { kind: "attendance", input: { orgId: input.orgId, eventId: event.id, status: input.status, language: input.language, counted: { count, upTo } } };
  const sheet: SheetSource = { columns: columnsOf(event, input.language, programme.columns, invitation.columns), count, pages: pages(), recipe };
  return { event, sheet };
}

/**
 * The selected registrations (at most `MAX_SELECTED`, whatever their status) as the same
 * sheet, in arrival order: one page, read in one query.
 */
async function selectedRows(input: OrgScope & { eventId: string; language: Language; ids: string[] }, ctx: ServiceContext) {
  const { event, rows } = await selectedRegistrations(ctx, input);
  const programme = await sessionColumns(ctx, event, input.language);
  const invitation = invitationColumn(ctx, event, input.language);
  async function* pages() {
    if (!rows.length) return;
    const places = await programme.cells(rows.map((row) => row.registration.id));
    const invited = await invitation.cells(rows.map((row) => row.registration.invitationId));
    yield rows.map((row) => [
      ...attendanceRow(event, row.registration, row.position, input.language),
      ...places(row.registration.id),
      ...invited(row.registration.invitationId),
    ]);
  }
  const recipe = { kind: "attendance", input: { orgId: input.orgId, eventId: event.id, language: input.language, ids: input.ids } };
  const sheet: SheetSource = { columns: columnsOf(event, input.language, programme.columns, invitation.columns), count: rows.length, pages: pages(), recipe };
  return { event, sheet };
}

/**
 * The sheet a recipe names, read afresh with `ctx` (the export thread's own database
 * connection): the same rows, up to the same last arrival as the count on record.
 */
export async function sheetFromRecipe(ctx: ServiceContext, recipe: SheetRecipe): Promise<SheetSource> {
  if (recipe.kind !== "attendance") throw new Error(`no sheet of kind ${recipe.kind}`);
  const input = recipe.input as unknown as Parameters<typeof attendanceRows>[0]["input"];
  return (await attendanceRows({ ctx, input })).sheet;
}

/** `<event-slug>-attendees-<yyyy-mm-dd>` (`-deltagare-`, `-deltakere-`), dated today on the event's clock. */
export const attendeesBasename = (ctx: ServiceContext, event: EventRow, language: Language) =>
  `${event.slug}-${fileWords(language).attendance.file}-${toLocalInput(ctx.now(), event.timezone).slice(0, 10)}`;

/** The API's query for the CSV: the status filter and the separator, nothing unknown. */
export const attendanceCsvQuery = z.strictObject({
  status: attendanceQuery.shape.status,
  sep: z.enum(["comma", "semicolon"]).optional(),
});
