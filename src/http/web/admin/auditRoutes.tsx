import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { readAuditLog } from "../../../domain/audit";
import type { AppEnv } from "../../env";
import { AuditPage } from "./auditPage";
import { shownErrors } from "./errors";
import { renderAdmin } from "./layout";
import { requireRole } from "./session";

/** The organisation's audit log (/admin/audit): owners only. */
export const auditRoutes = new Hono<AppEnv>().get("/audit", requireRole("owner"), async (c) => {
  const action = c.req.query("action") ?? "";
  const page = { member: c.var.member, orgName: c.var.orgName, action };
  try {
    const log = await readAuditLog({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, before: c.req.query("before"), action } });
    return renderAdmin(c, <AuditPage {...page} log={log} action={log.action} />);
  } catch (err) {
    if (err instanceof AppError && err.fields) return renderAdmin(c, <AuditPage {...page} log={null} errors={shownErrors(err.fields, c.var.member.language)} />, 400);
    throw err;
  }
});
