import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../domain/organisations";
import type { AppContext, AppEnv } from "../../env";
import { shownErrors } from "./errors";
import { blankState, type AdminFormState } from "./fields";
import { readForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";
import { TokensPage } from "./tokensPage";

async function page(
  c: AppContext,
  { state = blankState(), status = 200, notice, created }: { state?: AdminFormState; status?: 200 | 201 | 400; notice?: string; created?: { name: string; token: string } } = {},
) {
  const tokens = await listApiTokens(c.var.ctx, { orgId: c.var.member.orgId });
  return renderAdmin(c, <TokensPage member={c.var.member} orgName={c.var.orgName} tokens={tokens} state={state} notice={notice} created={created} />, status);
}

/** API tokens (/admin/tokens), owners only: a token acts for the whole organisation. */
export const tokensRoutes = new Hono<AppEnv>()
  .get("/tokens", requireRole("owner"), (c) =>
    page(c, { notice: c.req.query("notice") === "revoked" ? wordsFor(c.var.member).organisation.tokens.revokedNotice : undefined }),
  )
  .post("/tokens", requireRole("owner"), async (c) => {
    const form = await readForm(c);
    const values = { name: form.one("name") };
    try {
      const token = await createApiToken({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, name: values.name }, actor: c.var.member });
      // Shown in this answer only (no redirect): the token exists nowhere else to show later.
      c.header("Cache-Control", "no-store");
      return await page(c, { status: 201, created: { name: values.name.trim(), token } });
    } catch (err) {
      if (err instanceof AppError && err.fields) return page(c, { state: { values, errors: shownErrors(err.fields, c.var.member.language) }, status: 400 });
      throw err;
    }
  })
  .post("/tokens/:id/revoke", requireRole("owner"), async (c) => {
    await revokeApiToken({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, id: c.req.param("id") }, actor: c.var.member });
    return c.redirect("/admin/tokens?notice=revoked", 303);
  });
