import { Hono, type Context } from "hono";
import { AppError } from "../../../lib/errors";
import { exportReport, type ReportKind } from "../../../domain/reports";
import { participationReport } from "../../../domain/reports";
import { reportRange } from "../../../domain/reports";
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
    const report = await participationReport({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, ...range } });
    return renderAdmin(c, <ReportPage {...page} from={range.from} to={range.to} report={report} />);
  })
  .get("/reports/organisations.csv", (c) => download(c, "organisations", "csv"))
  .get("/reports/organisations.xlsx", (c) => download(c, "organisations", "xlsx"))
  .get("/reports/people.csv", (c) => download(c, "people", "csv"))
  .get("/reports/people.xlsx", (c) => download(c, "people", "xlsx"));
