import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { getOrganisation, parseOrganisationChanges, updateOrganisation } from "../../../domain/organisations";
import type { AppContext, AppEnv } from "../../env";
import { blankState, type AdminFormState } from "./fields";
import { shownErrors } from "./errors";
import { readForm, type AdminForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";
import { SettingsPage, settingsValues } from "./settingsPage";

const page = (c: AppContext, state: AdminFormState, status: 200 | 400 = 200, notice?: string) =>
  renderAdmin(c, <SettingsPage member={c.var.member} orgName={c.var.orgName} state={state} notice={notice} />, status);

/** The form as typed, for showing again. */
const typed = (form: AdminForm) => ({
  name: form.one("name"),
  contactEmail: form.one("contactEmail"),
  privacyUrl: form.one("privacyUrl"),
  requireConsent: form.checked("requireConsent") ? "yes" : "",
  embedOrigins: form.one("embedOrigins"),
  retentionDays: form.one("retentionDays"),
});

/** The form as the service's changes: blank means "none"; a number that is not one stays NaN and is refused. */
const asChanges = (v: ReturnType<typeof typed>) => ({
  name: v.name,
  contactEmail: v.contactEmail.trim() || null,
  privacyUrl: v.privacyUrl.trim() || null,
  requireConsent: v.requireConsent === "yes",
  embedOrigins: v.embedOrigins.split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
  retentionDays: v.retentionDays.trim() === "" ? null : /^\d{1,6}$/.test(v.retentionDays.trim()) ? Number(v.retentionDays.trim()) : NaN,
});

/** The organisation's settings (/admin/settings): owners only. */
export const settingsRoutes = new Hono<AppEnv>()
  .get("/settings", requireRole("owner"), async (c) => {
    const org = await getOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId } });
    return page(c, blankState(settingsValues(org)), 200, c.req.query("notice") === "saved" ? wordsFor(c.var.member).organisation.settings.saved : undefined);
  })
  .post("/settings", requireRole("owner"), async (c) => {
    const values = typed(await readForm(c));
    try {
      const changes = parseOrganisationChanges(asChanges(values));
      await updateOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, changes }, actor: c.var.member });
    } catch (err) {
      if (err instanceof AppError && err.fields) return page(c, { values, errors: shownErrors(err.fields, c.var.member.language) }, 400);
      throw err;
    }
    return c.redirect("/admin/settings?notice=saved", 303);
  });
