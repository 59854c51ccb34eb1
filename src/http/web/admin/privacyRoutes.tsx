import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { erasePersonalData, erasurePlan, exportPersonalData, findPersonalData, subjectEmail } from "../../../domain/privacy";
import { contentDisposition } from "../../download";
import type { AppContext, AppEnv } from "../../env";
import type { Language } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import { shownErrors } from "./errors";
import { readForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { ErasePage, PrivacyPage } from "./privacyPage";
import { requireRole } from "./session";

/** The search form again with what is wrong with the address; anything else is raised. */
const badAddress = (c: AppContext, email: string, err: unknown) => {
  if (!(err instanceof AppError && err.fields)) throw err;
  return renderAdmin(c, <PrivacyPage member={c.var.member} orgName={c.var.orgName} state={{ values: { email }, errors: shownErrors(err.fields, c.var.member.language) }} />, 400);
};

const erasedNotice = (n: { registrations: number; messages: number }, language: Language) => {
  const p = wordsFor({ language }).records.privacy;
  return fill(p.erased, { registrations: plural(language, p.eraseRegistrations, n.registrations), messages: plural(language, p.erasedMessages, n.messages) });
};

/**
 * One person's data in this organisation (/admin/privacy): find, download, erase. Owners
 * only. Every step that names the address is a POST: it stays out of URLs, so out of the
 * browser's history, proxies' logs and the sign-in page's `next=`.
 */
export const privacyRoutes = new Hono<AppEnv>()
  .get("/privacy", requireRole("owner"), async (c) => {
    const erased = c.req.query("erased")?.match(/^(\d+)-(\d+)$/);
    const notice = erased ? erasedNotice({ registrations: Number(erased[1]), messages: Number(erased[2]) }, c.var.member.language) : undefined;
    return renderAdmin(c, <PrivacyPage member={c.var.member} orgName={c.var.orgName} state={{ values: {}, errors: {} }} notice={notice} />);
  })
  .post("/privacy", requireRole("owner"), async (c) => {
    const { ctx, member } = c.var;
    const email = (await readForm(c)).one("email");
    try {
      const found = await findPersonalData({ ctx, input: { orgId: member.orgId, email } });
      return renderAdmin(c, <PrivacyPage member={member} orgName={c.var.orgName} state={{ values: { email }, errors: {} }} found={found} />);
    } catch (err) {
      return badAddress(c, email, err);
    }
  })
  // A POST, so a download cannot be started from elsewhere either.
  .post("/privacy/export", requireRole("owner"), async (c) => {
    const email = (await readForm(c)).one("email");
    let data;
    try {
      data = await exportPersonalData({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, email }, actor: c.var.member });
    } catch (err) {
      return badAddress(c, email, err);
    }
    return c.body(JSON.stringify(data, null, 2), 200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": contentDisposition(`${wordsFor(c.var.member).records.privacy.file}-${c.var.ctx.now().toISOString().slice(0, 10)}.json`),
      "X-Content-Type-Options": "nosniff",
    });
  })
  // The question before erasing: changes nothing; its answer posts to /privacy/erase.
  .post("/privacy/erase/review", requireRole("owner"), async (c) => {
    const email = (await readForm(c)).one("email");
    try {
      const found = await findPersonalData({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, email } });
      return renderAdmin(c, <ErasePage member={c.var.member} orgName={c.var.orgName} email={found.email} plan={erasurePlan(found)} />);
    } catch (err) {
      return badAddress(c, email, err);
    }
  })
  .post("/privacy/erase", requireRole("owner"), async (c) => {
    const email = (await readForm(c)).one("email");
    try {
      subjectEmail(email);
    } catch (err) {
      return badAddress(c, email, err);
    }
    const counts = await erasePersonalData({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, email }, actor: c.var.member });
    // The address is not repeated in the URL.
    return c.redirect(`/admin/privacy?erased=${counts.registrations}-${counts.messages}`, 303);
  });
