import { Hono } from "hono";
import { findInvitation, invite, listInvitations, remindUnanswered, resendInvitation, revokeInvitation, type InvitationState } from "../../../domain/access";
import { findEvent } from "../../../domain/events";
import { counted } from "../../../i18n/format";
import { AppError, invalid } from "../../../lib/errors";
import type { AppContext, AppEnv } from "../../env";
import { formBody } from "../signupSubmission";
import { wantsJson } from "./errors";
import { readDelimited } from "../../../lib/delimitedText";
import { inviteesOf, MAX_LIST_FILE, rowsOfFile, type ListLineError } from "./invitationList";
import { InvitationPage, invitationStates, invitationsPath, RevokeInvitationPage } from "./invitationPage";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";

// The same shapes as the attendance list's routes, so /events/new and the like never match.
const EVENT = "/events/:id{evt_[0-9a-z]+}";
const INVITATION = `${EVENT}/invitations/:inv{inv_[0-9a-z]+}`;
const organiser = requireRole("organiser");

const scope = (c: AppContext) => ({ orgId: c.var.member.orgId, eventId: c.req.param("id")! });
const frame = (c: AppContext) => ({ member: c.var.member, orgName: c.var.orgName });
const back = (c: AppContext, query: Record<string, string>) => c.redirect(`${invitationsPath(c.req.param("id")!)}?${new URLSearchParams(query)}`, 303);

/** The invitation the path names, if it is this event's (another event's is not found, as another organisation's is). */
async function invitationOf(c: AppContext) {
  const found = await findInvitation(c.var.ctx, c.req.param("inv")!, c.var.member.orgId);
  if (found.event.id !== c.req.param("id")) throw new AppError("invitation_not_found");
  return found;
}

/** The words of a `?notice=` code (codes, not text: a link must not put words on our page). */
function noticeOf(c: AppContext) {
  const t = wordsFor(c.var.member).access.notices;
  const language = c.var.member.language;
  const n = Number(c.req.query("n")) || 0;
  switch (c.req.query("notice")) {
    case "invited":
      return `${counted(language, t.invited, n)} ${c.req.query("sent") === "1" ? t.sent : t.notSent}`;
    case "reminded":
      return counted(language, t.reminded, n);
    case "resent":
      return t.resent;
    case "revoked":
      return t.revoked;
    default:
      return undefined;
  }
}

async function page(c: AppContext, extra: { list?: string; send?: boolean; errors?: ListLineError[] } = {}, status: 200 | 400 = 200) {
  const { event } = await findEvent(c.var.ctx, c.req.param("id")!, c.var.member.orgId);
  const invitations = await listInvitations({ ctx: c.var.ctx, input: scope(c) });
  const asked = c.req.query("state") ?? "all";
  const state = (invitationStates as string[]).includes(asked) ? (asked as InvitationState) : "all";
  return renderAdmin(c, <InvitationPage {...frame(c)} event={event} invitations={invitations} state={state} notice={noticeOf(c)} {...extra} />, status);
}

/** The list a form sent: pasted text or an uploaded file (not both), as rows with their line numbers, or why not. */
async function sentList(c: AppContext) {
  const body = await formBody(c);
  const text = [body.list].flat().find((v): v is string => typeof v === "string") ?? "";
  const value = [body.file].flat()[0];
  const file = value && typeof value === "object" && "arrayBuffer" in value && (value as File).size > 0 ? (value as File) : null;
  const send = [body.send].flat().some((v) => v === "yes");
  const t = wordsFor(c.var.member).access.errors;
  const refuse = (text_: string) => ({ text, send, errors: [{ line: 0, text: text_ }] });
  if (file && text.trim()) return refuse(t.both);
  if (!file) return { text, send, rows: readDelimited(text, { eachLine: true }) };
  if (file.size > MAX_LIST_FILE) return refuse(t.fileSize);
  const rows = await rowsOfFile(file);
  return rows ? { text, send, rows } : refuse(t.fileType);
}

/** An event's invitations (/admin/events/:id/invitations): organisers of its organisation. */
export const invitationRoutes = new Hono<AppEnv>()
  .get(`${EVENT}/invitations`, organiser, (c) => page(c))
  .post(`${EVENT}/invitations`, organiser, async (c) => {
    const sent = await sentList(c);
    const read = "rows" in sent ? inviteesOf(sent.rows, c.var.member.language) : { errors: sent.errors };
    if ("errors" in read) {
      // Nothing is written until the whole list is clean; a script gets the lines as fields.
      if (wantsJson(c)) throw invalid(Object.fromEntries(read.errors.map((e) => [`line.${e.line}`, { code: "invalid" }])));
      return page(c, { list: sent.text, send: sent.send, errors: read.errors }, 400);
    }
    const made = await invite({ ctx: c.var.ctx, input: { ...scope(c), invitees: read.invitees, send: sent.send }, actor: c.var.member });
    return back(c, { notice: "invited", n: String(made.length), sent: sent.send ? "1" : "0" });
  })
  .post(`${EVENT}/invitations/remind`, organiser, async (c) => {
    const { reminded } = await remindUnanswered({ ctx: c.var.ctx, input: scope(c), actor: c.var.member });
    return back(c, { notice: "reminded", n: String(reminded) });
  })
  .post(`${INVITATION}/resend`, organiser, async (c) => {
    const { row } = await invitationOf(c);
    await resendInvitation({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, id: row.id }, actor: c.var.member });
    return back(c, { notice: "resent" });
  })
  .get(`${INVITATION}/revoke`, organiser, async (c) => {
    const { event, view } = await invitationOf(c);
    return renderAdmin(c, <RevokeInvitationPage {...frame(c)} event={event} invitation={view} />);
  })
  .post(`${INVITATION}/revoke`, organiser, async (c) => {
    const { row } = await invitationOf(c);
    await revokeInvitation({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, id: row.id }, actor: c.var.member });
    return back(c, { notice: "revoked" });
  });
