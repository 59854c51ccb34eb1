import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { checkLogo, getOrganisation, parseOrganisationChanges, removeLogo, setLogo, updateOrganisation } from "../../../domain/organisations";
import type { AppContext, AppEnv } from "../../env";
import { formBody } from "../signupSubmission";
import { blankState, type AdminFormState } from "./fields";
import { shownErrors, wantsJson } from "./errors";
import { readForm, type AdminForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { requireRole } from "./session";
import { SettingsPage, settingsValues } from "./settingsPage";

type Forms = { settings?: AdminFormState; logo?: AdminFormState };

const page = async (c: AppContext, forms: Forms, status: 200 | 400 = 200, notice?: string) => {
  const org = await getOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId } });
  const logo = org.logoUrl ? new URL(org.logoUrl).pathname : null;
  const view = (
    <SettingsPage
      member={c.var.member}
      orgName={c.var.orgName}
      state={forms.settings ?? blankState(settingsValues(org))}
      logo={logo}
      logoState={forms.logo}
      notice={notice}
    />
  );
  return renderAdmin(c, view, status);
};

/** The form as typed, for showing again. */
const typed = (form: AdminForm) => ({
  name: form.one("name"),
  contactEmail: form.one("contactEmail"),
  privacyUrl: form.one("privacyUrl"),
  requireConsent: form.checked("requireConsent") ? "yes" : "",
  embedOrigins: form.one("embedOrigins"),
  retentionDays: form.one("retentionDays"),
  accentColor: form.one("accentColor"),
  contactPhone: form.one("contactPhone"),
  footer: form.one("footer"),
});

const blankIsNone = (value: string) => value.trim() || null;

/** The form as the service's changes: blank means "none"; a number that is not one stays NaN and is refused. */
const asChanges = (v: ReturnType<typeof typed>) => ({
  name: v.name,
  contactEmail: blankIsNone(v.contactEmail),
  privacyUrl: blankIsNone(v.privacyUrl),
  requireConsent: v.requireConsent === "yes",
  embedOrigins: v.embedOrigins.split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
  retentionDays: v.retentionDays.trim() === "" ? null : /^\d{1,6}$/.test(v.retentionDays.trim()) ? Number(v.retentionDays.trim()) : NaN,
  accentColor: blankIsNone(v.accentColor),
  contactPhone: blankIsNone(v.contactPhone),
  footer: blankIsNone(v.footer),
});

/** The uploaded file of a multipart form, or null (no file, a text field, an unreadable body). */
async function uploadedFile(c: AppContext) {
  const value = [(await formBody(c)).logo].flat()[0];
  return value && typeof value === "object" && "arrayBuffer" in value ? (value as File) : null;
}

const notices = { saved: "saved", logo: "uploaded", "logo-removed": "removed" } as const;

/** The organisation's settings (/admin/settings) and its logo: owners only. */
export const settingsRoutes = new Hono<AppEnv>()
  .get("/settings", requireRole("owner"), async (c) => {
    const words = wordsFor(c.var.member).organisation;
    const which = notices[c.req.query("notice") as keyof typeof notices];
    const notice = which === "saved" ? words.settings.saved : which ? words.brand[which] : undefined;
    return page(c, {}, 200, notice);
  })
  .post("/settings", requireRole("owner"), async (c) => {
    const values = typed(await readForm(c));
    try {
      const changes = parseOrganisationChanges(asChanges(values));
      await updateOrganisation({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, changes }, actor: c.var.member });
    } catch (err) {
      if (err instanceof AppError && err.fields) return page(c, { settings: { values, errors: shownErrors(err.fields, c.var.member.language) } }, 400);
      throw err;
    }
    return c.redirect("/admin/settings?notice=saved", 303);
  })
  .post("/settings/logo", requireRole("owner"), async (c) => {
    try {
      const file = await uploadedFile(c);
      // The size first: an oversized file is refused without reading it.
      checkLogo(file && { size: file.size, bytes: new Uint8Array(await file.slice(0, 16).arrayBuffer()) });
      const bytes = new Uint8Array(await file!.arrayBuffer());
      await setLogo({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, bytes }, actor: c.var.member });
    } catch (err) {
      // A script gets the error shape from the workspace's handler; a person the form again.
      if (err instanceof AppError && err.fields && !wantsJson(c))
        return page(c, { logo: { values: {}, errors: shownErrors(err.fields, c.var.member.language) } }, 400);
      throw err;
    }
    return c.redirect("/admin/settings?notice=logo", 303);
  })
  .post("/settings/logo/remove", requireRole("owner"), async (c) => {
    await removeLogo({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId }, actor: c.var.member });
    return c.redirect("/admin/settings?notice=logo-removed", 303);
  });
