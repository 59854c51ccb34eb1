import { giveWay } from "../../../lib/time";
import { Hono, type Context } from "hono";
import { invalid } from "../../../lib/errors";
import { zodFieldErrors } from "../../../lib/zodIssues";
import { sheetName } from "../../../lib/spreadsheet";
import { attendanceQuery } from "../../../domain/attendees";
import { exportAttendees, type ExportFormat } from "../../../domain/attendees";
import { printList } from "../../../domain/attendees";
import { sendSheet } from "../../download";
import type { AppEnv } from "../../env";
import { streamAdmin, wordsFor } from "./layout";
import { PrintPage, PrintRows } from "./printPage";
import { BadgeSheet, BadgesPage, BADGES_PER_SHEET } from "./badgesPage";
import { requireRole } from "./session";

async function downloadAttendees(c: Context<AppEnv>, format: ExportFormat) {
  const query = attendanceQuery.safeParse({ status: c.req.query("status") });
  if (!query.success) throw invalid(zodFieldErrors(query.error));
  const { sheet, basename, event } = await exportAttendees({
    ctx: c.var.ctx,
    input: { eventId: c.req.param("id")!, format, status: query.data.status, language: c.var.member.language },
    actor: c.var.member,
  });
  return sendSheet(c, sheet, { format, basename, sheet: sheetName(event.title) || wordsFor(c.var.member).records.exports.attendance.sheet });
}

const PRINT_PART = 500;

/** The attendance list as files and on paper: organisers and owners only. */
export const exportRoutes = new Hono<AppEnv>()
  .get("/events/:id/attendees.csv", requireRole("organiser"), (c) => downloadAttendees(c, "csv"))
  .get("/events/:id/attendees.xlsx", requireRole("organiser"), (c) => downloadAttendees(c, "xlsx"))
  .get("/events/:id/print", requireRole("organiser"), async (c) => {
    const list = await printList({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, eventId: c.req.param("id") } });
    // Sent 500 rows at a time, with a turn of the event loop between parts.
    async function* rows() {
      for (let i = 0; i < list.attendees.length; i += PRINT_PART) {
        if (i) await giveWay();
        yield <PrintRows attendees={list.attendees.slice(i, i + PRINT_PART)} from={i + 1} />;
      }
    }
    return streamAdmin(c, <PrintPage member={c.var.member} orgName={c.var.orgName} {...list} />, rows());
  })
  .get("/events/:id/badges", requireRole("organiser"), async (c) => {
    const { event, attendees } = await printList({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, eventId: c.req.param("id") } });
    // A sheet at a time, with a turn of the event loop between sheets.
    async function* sheets() {
      for (let i = 0; i < attendees.length; i += BADGES_PER_SHEET) {
        if (i) await giveWay();
        yield <BadgeSheet event={event} attendees={attendees.slice(i, i + BADGES_PER_SHEET)} />;
      }
    }
    return streamAdmin(c, <BadgesPage member={c.var.member} orgName={c.var.orgName} event={event} count={attendees.length} />, sheets());
  });
