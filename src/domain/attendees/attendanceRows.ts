import { z } from "zod";
import type { Answers, Question, RegistrationStatus } from "../../db/schema";
import { toLocalInput } from "../../lib/localTime";
import type { Cell, ClockTime, SheetRecipe, SheetSource } from "../../lib/spreadsheet";
import type { OrgScope, ServiceContext } from "../context";
import { findEvent, type EventRow } from "../events";
import { countRegistrations, registrationPages, type RegistrationRow } from "../registrations";

/** The same filter as the JSON list; without one, the live list (confirmed and waitlisted). */
export const attendanceQuery = z.object({
  status: z.enum(["confirmed", "offered", "waitlisted", "cancelled", "expired"]).optional(),
});
export type AttendanceFilter = z.infer<typeof attendanceQuery>;

/** `2027-03-18 09:12` on the event's own clock: what an organiser compares with the programme. */
export const localTime = (instant: Date | null, zone: string): ClockTime | null =>
  instant ? { clock: toLocalInput(instant, zone).replace("T", " ") } : null;

const yesNo = (flag: boolean) => (flag ? "Yes" : "No");

export function answerText(question: Question, answers: Answers): string {
  const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
  if (question.kind === "checkbox") return yesNo(value === true);
  if (Array.isArray(value)) return value.join(", ");
  return typeof value === "string" ? value : "";
}

const fixedColumns = [
  { header: "Name", width: 24 },
  { header: "Email", width: 30 },
  { header: "Organisation", width: 24 },
  { header: "Phone", width: 16 },
  { header: "Status", width: 11 },
  { header: "Waitlist position", width: 10 },
  { header: "Signed up at", width: 17 },
  { header: "Checked in at", width: 17 },
  { header: "Added by hand", width: 9 },
  { header: "Over capacity", width: 9 },
  { header: "Language", width: 9 },
  { header: "Consent at", width: 17 },
];

function attendanceRow(event: EventRow, r: RegistrationRow, position: number | null): Cell[] {
  const zone = event.timezone;
  return [
    r.name,
    r.email,
    r.organisation ?? "",
    r.phone ?? "",
    r.status,
    position,
    localTime(r.createdAt, zone),
    localTime(r.checkedInAt, zone),
    yesNo(r.addedBy !== null),
    yesNo(r.overCapacity),
    r.language,
    localTime(r.consentAt, zone),
    ...event.questions.map((q) => answerText(q, r.answers)),
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
  /** `counted`: the count already taken (when the rows are read again from a recipe). */
  input: OrgScope & { eventId: string; counted?: { count: number; upTo: number } } & AttendanceFilter;
}) {
  const { event } = await findEvent(ctx, input.eventId, input.orgId);
  const statuses: RegistrationStatus[] = input.status ? [input.status] : ["confirmed", "offered", "waitlisted"];
  const { count, upTo } = input.counted ?? (await countRegistrations(ctx, event.id, statuses));
  async function* pages() {
    for await (const page of registrationPages(ctx, { eventId: event.id, statuses, upTo })) yield page.map((row) => attendanceRow(event, row.registration, row.position));
  }
  const recipe = { kind: "attendance", input: { orgId: input.orgId, eventId: event.id, status: input.status, counted: { count, upTo } } };
  const sheet: SheetSource = { columns: [...fixedColumns, ...event.questions.map((q) => ({ header: q.label }))], count, pages: pages(), recipe };
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

/** `<event-slug>-attendees-<yyyy-mm-dd>`, dated today on the event's clock. */
export const attendeesBasename = (ctx: ServiceContext, event: EventRow) =>
  `${event.slug}-attendees-${toLocalInput(ctx.now(), event.timezone).slice(0, 10)}`;

/** The API's query for the CSV: the status filter and the separator, nothing unknown. */
export const attendanceCsvQuery = z.strictObject({
  status: attendanceQuery.shape.status,
  sep: z.enum(["comma", "semicolon"]).optional(),
});
