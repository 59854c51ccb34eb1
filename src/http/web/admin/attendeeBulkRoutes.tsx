import { Hono } from "hono";
import { invalid } from "../../../lib/errors";
import { sheetName } from "../../../lib/spreadsheet";
import { cancelSelected, checkInSelected, exportAttendees, reviewCancelSelected } from "../../../domain/attendees";
import { sendSheet } from "../../download";
import type { AppContext, AppEnv } from "../../env";
import { CancelSelectedPage } from "./attendeeBulkPages";
import { columnsParam, readColumns } from "./attendeeColumns";
import { listPath } from "./attendeeShared";
import { readForm, selectedIds, type AdminForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";

// The same shapes as the single-row routes (attendeeRoutes.tsx), and the same role: a
// selection is the organiser's, as each of its rows would be.
const EVENT = "/events/:id{evt_[0-9a-z]+}";
const organiser = requireRole("organiser");

const selection = (c: AppContext, form: AdminForm) => ({ orgId: c.var.member.orgId, eventId: c.req.param("id")!, ids: selectedIds(form) });
const frame = (c: AppContext) => ({ member: c.var.member, orgName: c.var.orgName });

/** The layout the list was shown with, checked as the list checks it, to go back to it. */
const keptColumns = (form: AdminForm) => {
  const sent = form.many("cols");
  return sent.length ? columnsParam(readColumns(sent)) : null;
};

/** Back to the list with the outcome: how many changed (`n`) and how many were left alone (`s`). */
function backToList(c: AppContext, form: AdminForm, notice: string, n: number, skipped: number) {
  const query = new URLSearchParams({ notice, n: String(n), s: String(skipped) });
  const cols = keptColumns(form);
  if (cols !== null) query.set("cols", cols);
  return c.redirect(`${listPath(c.req.param("id")!)}?${query}`, 303);
}

/** What an organiser does with the rows ticked on an attendance list (messaging them goes through the message form). */
export const attendeeBulkRoutes = new Hono<AppEnv>()
  .post(`${EVENT}/selection/cancel`, organiser, async (c) => {
    const form = await readForm(c);
    const review = await reviewCancelSelected({ ctx: c.var.ctx, input: selection(c, form) });
    return renderAdmin(c, <CancelSelectedPage {...frame(c)} {...review} cols={keptColumns(form) ?? undefined} />);
  })
  .post(`${EVENT}/selection/cancel/confirm`, organiser, async (c) => {
    const form = await readForm(c);
    const { cancelled, skipped } = await cancelSelected({ ctx: c.var.ctx, input: selection(c, form), actor: c.var.member });
    return backToList(c, form, "cancelled-selected", cancelled, skipped);
  })
  .post(`${EVENT}/selection/checkin`, organiser, async (c) => {
    const form = await readForm(c);
    const { checkedIn, skipped } = await checkInSelected({ ctx: c.var.ctx, input: selection(c, form), actor: c.var.member });
    return backToList(c, form, "checked-in-selected", checkedIn, skipped);
  })
  .post(`${EVENT}/selection/export`, organiser, async (c) => {
    const form = await readForm(c);
    const format = form.one("format");
    if (format !== "csv" && format !== "xlsx") throw invalid({ format: { code: "one_of", options: ["csv", "xlsx"] } });
    const { ids } = selection(c, form);
    const { sheet, basename, event } = await exportAttendees({
      ctx: c.var.ctx,
      input: { eventId: c.req.param("id")!, format, ids, language: c.var.member.language },
      actor: c.var.member,
    });
    return sendSheet(c, sheet, { format, basename, sheet: sheetName(event.title) || wordsFor(c.var.member).records.exports.attendance.sheet });
  });
