import { Hono } from "hono";
import { consumeLoginLink, LOGIN_LINK_TTL_MS, requestLoginLink, signInWithPassword } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import { workspaceMessages } from "../../../i18n/workspace";
import type { AppContext, AppEnv } from "../../env";
import { pageLanguage } from "../language";
import { readForm } from "./forms";
import { PlainLayout, renderAdmin } from "./layout";
import { deviceOf, rememberDevice, safeNext, signIn, signOut, type CookieSettings } from "./session";

/**
 * No member yet: the page speaks the browser's language (else Swedish), or the one a
 * `?lang=` link asks for, which the form's actions keep.
 */
const signInLanguage = (c: AppContext) => {
  const language = pageLanguage(c);
  return { language, keep: c.req.query("lang") ? `?lang=${language}` : "" };
};

const wordsOf = (language: Language) => workspaceMessages(language).organisation.signIn;

function LoginPage({
  language,
  keep = "",
  next,
  email = "",
  error,
  notice,
}: {
  language: Language;
  keep?: string;
  next: string;
  email?: string;
  error?: string;
  notice?: string;
}) {
  const t = wordsOf(language);
  return (
    <PlainLayout title={t.title} language={language}>
      <h1>{t.heading}</h1>
      {error ? (
        <p class="error-summary" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p class="notice ok" role="status">
          {notice}
        </p>
      ) : null}
      {/* One email field for both ways in: the second button posts the same form to the
          link route and skips the password the browser would otherwise ask for. */}
      <form method="post" action={`/admin/login${keep}`} class="card">
        <input type="hidden" name="next" value={next} />
        <div class="field">
          <label for="f-email">{t.email}</label>
          <input id="f-email" type="email" name="email" value={email} autocomplete="username" required />
        </div>
        <div class="field">
          <label for="f-password">{t.password}</label>
          <input id="f-password" type="password" name="password" autocomplete="current-password" required aria-describedby="f-password-hint" />
          <p class="hint" id="f-password-hint">
            {t.passwordHint}
          </p>
        </div>
        <div class="actions">
          <button type="submit">{t.signIn}</button>
          <button type="submit" class="secondary" formaction={`/admin/login/link${keep}`} formnovalidate>
            {t.emailLink}
          </button>
        </div>
      </form>
    </PlainLayout>
  );
}

/** Signing in and out: password or one-time link, then a session cookie. */
export function loginRoutes({ cookie }: { cookie: CookieSettings }) {
  return new Hono<AppEnv>()
    .get("/login", (c) => renderAdmin(c, <LoginPage {...signInLanguage(c)} next={safeNext(c.req.query("next"))} />))
    .post("/login", async (c) => {
      const form = await readForm(c);
      const shown = signInLanguage(c);
      const next = safeNext(form.one("next"));
      const email = form.one("email").trim();
      const input = { email, password: form.one("password"), device: deviceOf(c, cookie) };
      const result = await signInWithPassword({ ctx: c.var.ctx, input });
      if (result.ok) {
        await signIn(c, cookie, result.userId);
        rememberDevice(c, cookie, result.device);
        return c.redirect(next, 303);
      }
      if (result.reason === "throttled") {
        c.header("Retry-After", String(result.retryAfterSeconds));
        const error = plural(shown.language, wordsOf(shown.language).throttled, result.retryAfterSeconds);
        return renderAdmin(c, <LoginPage {...shown} next={next} email={email} error={error} />, 429);
      }
      return renderAdmin(c, <LoginPage {...shown} next={next} email={email} error={wordsOf(shown.language).wrong} />, 401);
    })
    .post("/login/link", async (c) => {
      const form = await readForm(c);
      const email = form.one("email").trim();
      if (/^[^\s@]+@[^\s@]+$/.test(email)) await requestLoginLink({ ctx: c.var.ctx, input: { email } });
      // The same answer whether or not the address has an account.
      const shown = signInLanguage(c);
      const notice = fill(wordsOf(shown.language).linkSent, { minutes: LOGIN_LINK_TTL_MS / 60_000 });
      return renderAdmin(c, <LoginPage {...shown} next="/admin" email={email} notice={notice} />);
    })
    // Opening the link only shows a button: mail scanners that follow links must not use it up.
    .get("/login/link/:token", (c) => {
      const language = pageLanguage(c);
      const t = wordsOf(language);
      return renderAdmin(
        c,
        <PlainLayout title={t.title} language={language}>
          <h1>{t.heading}</h1>
          <form method="post" class="card">
            <p>{t.continueWithLink}</p>
            <button type="submit">{t.signIn}</button>
          </form>
        </PlainLayout>,
      );
    })
    .post("/login/link/:token", async (c) => {
      const userId = await consumeLoginLink(c.var.ctx, c.req.param("token"));
      if (!userId) {
        const shown = signInLanguage(c);
        return renderAdmin(c, <LoginPage {...shown} next="/admin" error={wordsOf(shown.language).linkExpired} />, 400);
      }
      await signIn(c, cookie, userId);
      return c.redirect("/admin", 303);
    })
    .post("/logout", async (c) => {
      await signOut(c, cookie);
      return c.redirect("/admin/login", 303);
    });
}
