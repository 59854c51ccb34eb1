import { Hono } from "hono";
import { approveApplications, declineApplications, type Decision } from "../../../domain/access";
import { openEvent, registrationOfEvent, selectedRegistrations } from "../../../domain/attendees";
import type { Language } from "../../../db/schema";
import { counted } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { workspaceMessages } from "../../../i18n/workspace";
import { AppError } from "../../../lib/errors";
import type { AppContext, AppEnv } from "../../env";
import { ReviewApplicationsPage } from "./approvalPages";
import { columnsParam, readColumns } from "./attendeeColumns";
import { listPath } from "./attendeeShared";
import { readForm, selectedIds, type AdminForm } from "./forms";
import { renderAdmin } from "./layout";
import { requireRole } from "./session";

// The same shapes and role as the list's other actions (attendeeRoutes.tsx, attendeeBulkRoutes.tsx).
const EVENT = "/events/:id{evt_[0-9a-z]+}";
const REGISTRATION = `${EVENT}/registrations/:rid{reg_[0-9a-z]+}`;
const organiser = requireRole("organiser");
type Verdict = "approve" | "decline";

const frame = (c: AppContext) => ({ member: c.var.member, orgName: c.var.orgName });
const decide = (verdict: Verdict) => (verdict === "approve" ? approveApplications : declineApplications);

/** Back to the list with what was decided: confirmed, waitlisted, still pending (`c`, `w`, `p`), declined (`d`), left alone (`s`). */
function backToList(c: AppContext, decisions: Decision[], skipped: number, cols: string | null) {
  const n = (status: Decision["status"]) => String(decisions.filter((d) => d.status === status).length);
  const query = new URLSearchParams({ notice: "decided", c: n("confirmed"), w: n("waitlisted"), p: n("pending"), d: n("declined"), s: String(skipped) });
  if (cols !== null) query.set("cols", cols);
  return c.redirect(`${listPath(c.req.param("id")!)}?${query}`, 303);
}

/** The outcome of approving or declining, as the list says it after the redirect (numbers only come from the address). */
export function decisionNotice(query: (name: string) => string | undefined, language: Language): string | undefined {
  if (query("notice") !== "decided") return undefined;
  const t = workspaceMessages(language).access.approval;
  const n = (name: string) => Math.max(0, Number(query(name)) || 0);
  const parts: string[] = [];
  if (n("c") || n("w") || n("p")) parts.push(fill(t.approved, { confirmed: n("c"), waitlisted: n("w") }) + (n("p") ? fill(t.stillPending, { pending: n("p") }) : ""));
  if (n("d")) parts.push(counted(language, t.declined, n("d")));
  return parts.join(" ") + (n("s") ? counted(language, t.untouched, n("s")) : "");
}

/** The ticked rows of one of the organisation's open events, each checked to be its, and which of them are applications. */
async function reviewed(c: AppContext, form: AdminForm) {
  const scope = { orgId: c.var.member.orgId, eventId: c.req.param("id")! };
  await openEvent(c.var.ctx, scope.orgId, scope.eventId);
  const { event, rows } = await selectedRegistrations(c.var.ctx, { ...scope, ids: selectedIds(form) });
  const pending = rows.filter((r) => r.registration.status === "pending");
  return { scope, event, rows, pending };
}

const keptColumns = (form: AdminForm) => (form.many("cols").length ? columnsParam(readColumns(form.many("cols"))) : null);

function selectionRoutes(verdict: Verdict) {
  return new Hono<AppEnv>()
    .post(`${EVENT}/selection/${verdict}`, organiser, async (c) => {
      const form = await readForm(c);
      const { event, rows } = await reviewed(c, form);
      return renderAdmin(c, <ReviewApplicationsPage {...frame(c)} verdict={verdict} event={event} rows={rows} cols={keptColumns(form) ?? undefined} />);
    })
    .post(`${EVENT}/selection/${verdict}/confirm`, organiser, async (c) => {
      const form = await readForm(c);
      const { scope, rows, pending } = await reviewed(c, form);
      const ids = pending.map((r) => r.registration.id);
      const decisions = ids.length ? await decide(verdict)({ ctx: c.var.ctx, input: { ...scope, ids }, actor: c.var.member }) : [];
      return backToList(c, decisions, rows.length - ids.length, keptColumns(form));
    });
}

function oneRoute(verdict: Verdict) {
  return new Hono<AppEnv>().post(`${REGISTRATION}/${verdict}`, organiser, async (c) => {
    const { orgId } = c.var.member;
    const eventId = c.req.param("id")!;
    await openEvent(c.var.ctx, orgId, eventId);
    const { registration } = await registrationOfEvent(c.var.ctx, orgId, eventId, c.req.param("rid")!);
    if (registration.status !== "pending") throw new AppError("not_pending");
    const decisions = await decide(verdict)({ ctx: c.var.ctx, input: { orgId, eventId, ids: [registration.id] }, actor: c.var.member });
    return backToList(c, decisions, 0, null);
  });
}

/** Approving and declining applications on the attendance list of an event by approval, one row or the ticked ones. */
export const approvalRoutes = new Hono<AppEnv>()
  .route("/", oneRoute("approve"))
  .route("/", oneRoute("decline"))
  .route("/", selectionRoutes("approve"))
  .route("/", selectionRoutes("decline"));
