import { Hono, type Context } from "hono";
import { AppError } from "../../../lib/errors";
import { exportReport, type ReportKind } from "../../../domain/reports";
import { invitationReport, participationReport } from "../../../domain/reports";
import { reportRange } from "../../../domain/reports";
import { exportSessionReport, sessionReport, type SessionReportKind } from "../../../domain/reports";
import { sendSheet, type SheetFormat } from "../../download";
import type { AppEnv } from "../../env";
import { shownErrors } from "./errors";
import { renderAdmin } from "./layout";
import { ReportPage } from "./reportPage";
import { requireRole } from "./session";

const asked = (c: Context<AppEnv>) => ({ from: c.req.query("from"), to: c.req.query("to") });

async function download(c: Context<AppEnv>, report: ReportKind, format: SheetFormat) {
  const range = reportRange(asked(c), c.var.ctx.now());
  const input = { ...range, report, format, language: c.var.member.language };
  const { sheet, basename, sheetName } = await exportReport({ ctx: c.var.ctx, input, actor: c.var.member });
  return sendSheet(c, sheet, { format, basename, sheet: sheetName });
}

async function downloadSessions(c: Context<AppEnv>, report: SessionReportKind, format: SheetFormat) {
  const range = reportRange(asked(c), c.var.ctx.now());
  const input = { ...range, report, format, language: c.var.member.language };
  const { sheet, basename, sheetName } = await exportSessionReport({ ctx: c.var.ctx, input, actor: c.var.member });
  return sendSheet(c, sheet, { format, basename, sheet: sheetName });
}

/** Participation across events (/admin/reports) and its downloads: organisers and owners. */
export const reportRoutes = new Hono<AppEnv>()
  .use("/reports", requireRole("organiser"))
  .use("/reports/*", requireRole("organiser"))
  .get("/reports", async (c) => {
    const page = { member: c.var.member, orgName: c.var.orgName };
    let range;
    try {
      range = reportRange(asked(c), c.var.ctx.now());
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields) throw err;
      // The form again, as asked, with what is wrong with it.
      const { from = "", to = "" } = asked(c);
      return renderAdmin(c, <ReportPage {...page} from={from} to={to} report={null} errors={shownErrors(err.fields, c.var.member.language)} />, 400);
    }
    const input = { orgId: c.var.member.orgId, ...range };
    const [report, sessions, invitations] = await Promise.all([
      participationReport({ ctx: c.var.ctx, input }),
      sessionReport({ ctx: c.var.ctx, input }),
      invitationReport({ ctx: c.var.ctx, input }),
    ]);
    return renderAdmin(c, <ReportPage {...page} from={range.from} to={range.to} report={report} sessions={sessions} invitations={invitations} />);
  })
  .get("/reports/organisations.csv", (c) => download(c, "organisations", "csv"))
  .get("/reports/organisations.xlsx", (c) => download(c, "organisations", "xlsx"))
  .get("/reports/people.csv", (c) => download(c, "people", "csv"))
  .get("/reports/people.xlsx", (c) => download(c, "people", "xlsx"))
  .get("/reports/sessions.csv", (c) => downloadSessions(c, "sessions", "csv"))
  .get("/reports/sessions.xlsx", (c) => downloadSessions(c, "sessions", "xlsx"))
  .get("/reports/hours-organisations.csv", (c) => downloadSessions(c, "hoursOrganisations", "csv"))
  .get("/reports/hours-organisations.xlsx", (c) => downloadSessions(c, "hoursOrganisations", "xlsx"))
  .get("/reports/hours-people.csv", (c) => downloadSessions(c, "hoursPeople", "csv"))
  .get("/reports/hours-people.xlsx", (c) => downloadSessions(c, "hoursPeople", "xlsx"));
