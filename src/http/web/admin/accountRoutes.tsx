import { Hono } from "hono";
import { AppError, codeToStatus } from "../../../lib/errors";
import { chooseLanguage, MIN_PASSWORD, passwordHashOf, setPassword } from "../../../domain/accounts";
import {
  clearEventNotifications,
  getsNotifications,
  readNotificationSettings,
  setDefaultNotifications,
  setEventNotifications,
} from "../../../domain/notifications";
import type { AppContext, AppEnv } from "../../env";
import { shownErrors } from "./errors";
import { readForm } from "./forms";
import { NotificationsSection, type ChoiceState } from "./notificationsSection";
import { deviceOf, requireRole, type CookieSettings } from "./session";
import { fill } from "../../../i18n/messages";
import { AdminLayout, ErrorSummary, Notice, renderAdmin, wordsFor } from "./layout";

function AccountPage({
  c,
  hasPassword,
  errors = {},
  notice,
  notifications,
}: {
  c: { var: AppEnv["Variables"] };
  hasPassword: boolean;
  errors?: Record<string, string>;
  notice?: string;
  notifications: Parameters<typeof NotificationsSection>[0];
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
      <NotificationsSection {...notifications} />
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

/** The account page's notices, by the redirect's `?notice=`. */
const notices = (c: AppContext) => {
  const words = wordsFor(c.var.member);
  const n = words.notifications.settings;
  return { password: words.organisation.account.setNotice, notifications: n.saved, "notification-added": n.added, "notification-removed": n.removed } as Record<string, string>;
};

/**
 * The account page: `status` and the form states when a submission was refused (shown
 * again with its errors), else the member's choices as stored.
 */
async function accountPage(c: AppContext, { errors, fallbackState, eventState, status = 200 }: { errors?: Record<string, string>; fallbackState?: ChoiceState; eventState?: ChoiceState; status?: 200 | 400 | 429 } = {}) {
  const { ctx, member } = c.var;
  const hasPassword = (await passwordHashOf(ctx, member.id)) !== null;
  const settings = getsNotifications(member.role) ? await readNotificationSettings(ctx, member) : null;
  const notice = notices(c)[c.req.query("notice") ?? ""];
  return renderAdmin(
    c,
    <AccountPage c={c} hasPassword={hasPassword} errors={errors} notice={notice} notifications={{ member, settings, fallbackState, eventState }} />,
    status,
  );
}

/** A refused choice shown again with its errors (400); anything else goes to the error page. */
async function refusedChoice(c: AppContext, err: unknown, which: "fallbackState" | "eventState", values: ChoiceState["values"]) {
  if (err instanceof AppError && err.fields) return accountPage(c, { [which]: { values, errors: shownErrors(err.fields, c.var.member.language) }, status: 400 });
  throw err;
}

/** The member's own account: who they are, their password, the workspace's language and their notifications. */
export const accountRoutes = (cookie: CookieSettings) =>
  new Hono<AppEnv>()
    .post("/language", async (c) => {
      const form = await readForm(c);
      await chooseLanguage(c.var.ctx, c.var.member, form.one("language"));
      return c.redirect(backTo(c.req.header("referer"), [new URL(c.req.url).origin, new URL(c.var.ctx.publicUrl).origin]), 303);
    })
    .get("/account", (c) => accountPage(c))
    .post("/account/password", async (c) => {
      const form = await readForm(c);
      const password = form.one("password");
      if (password !== form.one("confirm")) return accountPage(c, { errors: shownErrors({ confirm: { code: "passwords_differ" } }, c.var.member.language), status: 400 });
      try {
        const browser = { keepSession: c.var.sessionToken, device: deviceOf(c, cookie) };
        await setPassword({ ctx: c.var.ctx, member: c.var.member, password, current: form.one("current"), ...browser });
      } catch (err) {
        if (err instanceof AppError && err.fields) {
          const wait = err.fields.current?.code === "try_again_in" ? err.fields.current.seconds : undefined;
          if (wait !== undefined) c.header("Retry-After", String(wait));
          return accountPage(c, { errors: shownErrors(err.fields, c.var.member.language), status: codeToStatus(err.code) as 400 | 429 });
        }
        throw err;
      }
      return c.redirect("/admin/account?notice=password", 303);
    })
    .post("/account/notifications", requireRole("organiser"), async (c) => {
      const form = await readForm(c);
      const values = { mode: form.one("mode"), kinds: form.many("kinds") };
      try {
        await setDefaultNotifications({ ctx: c.var.ctx, member: c.var.member, input: values });
      } catch (err) {
        return refusedChoice(c, err, "fallbackState", values);
      }
      return c.redirect("/admin/account?notice=notifications#notifications", 303);
    })
    .post("/account/notifications/events", requireRole("organiser"), async (c) => {
      const form = await readForm(c);
      const values = { event: form.one("event"), mode: form.one("mode"), kinds: form.many("kinds") };
      try {
        await setEventNotifications({ ctx: c.var.ctx, member: c.var.member, input: { eventId: values.event, mode: values.mode, kinds: values.kinds } });
      } catch (err) {
        return refusedChoice(c, err, "eventState", values);
      }
      return c.redirect("/admin/account?notice=notification-added#notifications", 303);
    })
    .post("/account/notifications/events/:id/remove", requireRole("organiser"), async (c) => {
      await clearEventNotifications({ ctx: c.var.ctx, member: c.var.member, input: { eventId: c.req.param("id") } });
      return c.redirect("/admin/account?notice=notification-removed#notifications", 303);
    });
