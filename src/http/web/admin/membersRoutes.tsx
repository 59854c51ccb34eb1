import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { addMember, allows, changeRole, findMember, isLastOwner, listMembers, removeMember } from "../../../domain/accounts";
import { queueLoginLink } from "../../../domain/accounts";
import type { AppContext, AppEnv } from "../../env";
import { refusalText, shownErrors } from "./errors";
import { blankState, type AdminFormState } from "./fields";
import { readForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { MembersPage, newMemberDefaults, RemoveMemberPage } from "./membersPage";
import { requireRole } from "./session";

/** The `?notice=` after a change, in the member's words. */
const noticeOf = (c: AppContext) => {
  const notices: Record<string, string> = wordsFor(c.var.member).organisation.members.notices;
  const key = c.req.query("notice") ?? "";
  return Object.hasOwn(notices, key) ? notices[key] : undefined;
};

async function page(c: AppContext, { state = blankState(newMemberDefaults(c.var.member.language)), status = 200, notice, problem }: { state?: AdminFormState; status?: 200 | 400 | 409; notice?: string; problem?: string } = {}) {
  const members = await listMembers({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId } });
  return renderAdmin(c, <MembersPage member={c.var.member} orgName={c.var.orgName} members={members} state={state} notice={notice} problem={problem} />, status);
}

/** A refusal the service explains (the last owner) is shown on the list; anything else is raised. */
const refused = (c: AppContext, err: unknown) => {
  if (err instanceof AppError && (err.status === 400 || err.status === 409)) return page(c, { status: err.status, problem: refusalText(err, c.var.member.language) });
  throw err;
};

/** Members of the organisation (/admin/members): owners add them, change roles, remove them. */
export const membersRoutes = new Hono<AppEnv>()
  .get("/members", requireRole("owner"), (c) => page(c, { notice: noticeOf(c) }))
  .post("/members", requireRole("owner"), async (c) => {
    const form = await readForm(c);
    const values = { email: form.one("email"), name: form.one("name"), role: form.one("role"), language: form.one("language") };
    try {
      const input = { orgId: c.var.member.orgId, email: values.email.trim(), name: values.name, role: values.role || undefined, language: values.language || undefined };
      const added = await addMember({ ctx: c.var.ctx, input, by: c.var.member });
      // No password yet: the link is their way in.
      await queueLoginLink(c.var.ctx, added);
    } catch (err) {
      if (err instanceof AppError && err.fields) return page(c, { state: { values, errors: shownErrors(err.fields, c.var.member.language) }, status: err.status === 409 ? 409 : 400 });
      throw err;
    }
    return c.redirect("/admin/members?notice=added", 303);
  })
  .post("/members/:id/role", requireRole("owner"), async (c) => {
    const form = await readForm(c);
    const me = c.var.member;
    let changed;
    try {
      changed = await changeRole({ ctx: c.var.ctx, input: { orgId: me.orgId, id: c.req.param("id"), role: form.one("role") }, by: me });
    } catch (err) {
      return refused(c, err);
    }
    // An owner who gave themselves another role can no longer see this page.
    const stillOwner = changed.id !== me.id || allows(changed.role, "owner");
    return c.redirect(stillOwner ? "/admin/members?notice=role" : "/admin", 303);
  })
  .get("/members/:id/remove", requireRole("owner"), async (c) => {
    const { ctx, member } = c.var;
    const target = await findMember(ctx, member.orgId, c.req.param("id"));
    const others = await listMembers({ ctx, input: { orgId: member.orgId } });
    const lastOwner = isLastOwner(target, others);
    return renderAdmin(c, <RemoveMemberPage member={member} orgName={c.var.orgName} target={target} lastOwner={lastOwner} />, lastOwner ? 409 : 200);
  })
  .post("/members/:id/remove", requireRole("owner"), async (c) => {
    const me = c.var.member;
    try {
      await removeMember({ ctx: c.var.ctx, input: { orgId: me.orgId, id: c.req.param("id") }, by: me });
    } catch (err) {
      return refused(c, err);
    }
    // Removing oneself ended one's own session too.
    return c.redirect(c.req.param("id") === me.id ? "/admin/login" : "/admin/members?notice=removed", 303);
  });
