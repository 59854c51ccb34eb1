import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { readMailHealth, resendMail, type ResendScope } from "../../../domain/outbox";
import type { AppContext, AppEnv } from "../../env";
import { shownErrors } from "./errors";
import { readForm } from "./forms";
import { plural } from "../../../i18n/pages";
import { renderAdmin, wordsFor } from "./layout";
import { MailPage } from "./mailPage";
import { requireRole } from "./session";

async function page(c: AppContext, { notice, since, errors, status = 200 }: { notice?: string; since?: string; errors?: Record<string, string>; status?: 200 | 400 } = {}) {
  const health = await readMailHealth({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, event: c.req.query("event"), before: c.req.query("before") } });
  return renderAdmin(c, <MailPage member={c.var.member} orgName={c.var.orgName} health={health} notice={notice} since={since} errors={errors} />, status);
}


/**
 * Mail that did not arrive (/admin/mail): owners see the mail server's reasons, which can
 * name addresses of any event, and send again. On Workers this is the only way to do so.
 */
export const mailRoutes = new Hono<AppEnv>()
  .get("/mail", requireRole("owner"), async (c) => {
    const sent = c.req.query("resent");
    const notice = sent && /^\d{1,9}$/.test(sent) ? plural(c.var.member.language, wordsFor(c.var.member).organisation.mail.resent, Number(sent)) : undefined;
    try {
      return await page(c, { notice });
    } catch (err) {
      // A hand-edited ?before= or ?event=: the page without them is more use than an error.
      if (err instanceof AppError && err.fields) return c.redirect("/admin/mail", 303);
      throw err;
    }
  })
  .post("/mail/resend", requireRole("owner"), async (c) => {
    const form = await readForm(c);
    const scope: Record<string, string> = {};
    // Every field sent, even blank (a blank time is a field error, not "all").
    for (const name of ["message", "event", "since"]) if (form.many(name).length) scope[name] = form.one(name);
    try {
      const n = await resendMail({ ctx: c.var.ctx, input: scope as ResendScope, actor: c.var.member });
      const back = "event" in scope ? `&event=${encodeURIComponent(scope.event!)}` : "";
      return c.redirect(`/admin/mail?resent=${n}${back}`, 303);
    } catch (err) {
      if (err instanceof AppError && err.fields) {
        // Only the time is typed by hand; a broken hidden field is a bad request.
        if (!err.fields.since) throw new AppError("bad_request");
        return page(c, { since: scope.since, errors: shownErrors(err.fields, c.var.member.language), status: 400 });
      }
      throw err;
    }
  });
