import { Hono } from "hono";
import { AppError, codeToStatus } from "../../../lib/errors";
import { chooseLanguage, MIN_PASSWORD, passwordHashOf, setPassword } from "../../../domain/accounts";
import type { AppEnv } from "../../env";
import { shownErrors } from "./errors";
import { readForm } from "./forms";
import { deviceOf, type CookieSettings } from "./session";
import { fill } from "../../../i18n/messages";
import { AdminLayout, ErrorSummary, Notice, renderAdmin, wordsFor } from "./layout";

function AccountPage({
  c,
  hasPassword,
  errors = {},
  notice,
}: {
  c: { var: AppEnv["Variables"] };
  hasPassword: boolean;
  errors?: Record<string, string>;
  notice?: string;
}) {
  const { member, orgName } = c.var;
  const words = wordsFor(member).organisation;
  const t = words.account;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="account">
      <h1>{t.heading}</h1>
      <Notice text={notice} />
      <dl class="meta card">
        <dt>{t.email}</dt>
        <dd>{member.email}</dd>
        <dt>{t.name}</dt>
        <dd>{member.name ?? "—"}</dd>
        <dt>{t.role}</dt>
        <dd>{words.roles[member.role]}</dd>
      </dl>
      <form method="post" action="/admin/account/password" class="card">
        <h2>{t.password}</h2>
        <ErrorSummary errors={errors} language={member.language} />
        {hasPassword ? (
          <div class="field">
            <label for="f-current">{t.current}</label>
            {errors.current ? (
              <p class="field-error" id="f-current-error">
                {errors.current}
              </p>
            ) : null}
            <input id="f-current" type="password" name="current" autocomplete="current-password" required aria-invalid={errors.current ? "true" : undefined} />
          </div>
        ) : (
          <p>{t.linksOnly}</p>
        )}
        <div class="field">
          <label for="f-password">{t.newPassword}</label>
          <p class="hint">{fill(t.newPasswordHint, { n: MIN_PASSWORD })}</p>
          <input id="f-password" type="password" name="password" autocomplete="new-password" minlength={MIN_PASSWORD} required aria-invalid={errors.password ? "true" : undefined} />
        </div>
        <div class="field">
          <label for="f-confirm">{t.repeat}</label>
          <input id="f-confirm" type="password" name="confirm" autocomplete="new-password" required aria-invalid={errors.confirm ? "true" : undefined} />
        </div>
        <p class="hint">{t.othersSignedOut}</p>
        <button type="submit">{t.set}</button>
      </form>
    </AdminLayout>
  );
}

/**
 * Where the language switch returns to: the workspace page it was sent from (browsers send
 * the Referer to our own pages, see referrerPolicy), else the dashboard.
 */
function backTo(referer: string | undefined, origins: string[]): string {
  if (!referer) return "/admin";
  try {
    const url = new URL(referer);
    const own = origins.includes(url.origin) && (url.pathname === "/admin" || url.pathname.startsWith("/admin/"));
    return own && url.pathname !== "/admin/language" ? url.pathname + url.search : "/admin";
  } catch {
    return "/admin";
  }
}

/** The member's own account: who they are, their password and the workspace's language. */
export const accountRoutes = (cookie: CookieSettings) =>
  new Hono<AppEnv>()
    .post("/language", async (c) => {
      const form = await readForm(c);
      await chooseLanguage(c.var.ctx, c.var.member, form.one("language"));
      return c.redirect(backTo(c.req.header("referer"), [new URL(c.req.url).origin, new URL(c.var.ctx.publicUrl).origin]), 303);
    })
    .get("/account", async (c) => {
      const hasPassword = (await passwordHashOf(c.var.ctx, c.var.member.id)) !== null;
      return renderAdmin(c, <AccountPage c={c} hasPassword={hasPassword} notice={c.req.query("notice") === "password" ? wordsFor(c.var.member).organisation.account.setNotice : undefined} />);
    })
    .post("/account/password", async (c) => {
      const form = await readForm(c);
      const password = form.one("password");
      const hasPassword = (await passwordHashOf(c.var.ctx, c.var.member.id)) !== null;
      if (password !== form.one("confirm"))
        return renderAdmin(c, <AccountPage c={c} hasPassword={hasPassword} errors={shownErrors({ confirm: { code: "passwords_differ" } }, c.var.member.language)} />, 400);
      try {
        const browser = { keepSession: c.var.sessionToken, device: deviceOf(c, cookie) };
        await setPassword({ ctx: c.var.ctx, member: c.var.member, password, current: form.one("current"), ...browser });
      } catch (err) {
        if (err instanceof AppError && err.fields) {
          const wait = err.fields.current?.code === "try_again_in" ? err.fields.current.seconds : undefined;
          if (wait !== undefined) c.header("Retry-After", String(wait));
          return renderAdmin(c, <AccountPage c={c} hasPassword={hasPassword} errors={shownErrors(err.fields, c.var.member.language)} />, codeToStatus(err.code) as 400 | 429);
        }
        throw err;
      }
      return c.redirect("/admin/account?notice=password", 303);
    });
