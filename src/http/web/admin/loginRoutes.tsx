import { Hono } from "hono";
import { consumeLoginLink, requestLoginLink, signInWithPassword } from "../../../domain/accounts";
import type { AppEnv } from "../../env";
import { readForm } from "./forms";
import { PlainLayout, renderAdmin } from "./layout";
import { deviceOf, rememberDevice, safeNext, signIn, signOut, type CookieSettings } from "./session";

function LoginPage({ next, email = "", error, notice }: { next: string; email?: string; error?: string; notice?: string }) {
  return (
    <PlainLayout title="Sign in">
      <h1>Sign in to Plats</h1>
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
      <form method="post" action="/admin/login" class="card">
        <input type="hidden" name="next" value={next} />
        <div class="field">
          <label for="f-email">Email</label>
          <input id="f-email" type="email" name="email" value={email} autocomplete="username" required />
        </div>
        <div class="field">
          <label for="f-password">Password</label>
          <input id="f-password" type="password" name="password" autocomplete="current-password" required aria-describedby="f-password-hint" />
          <p class="hint" id="f-password-hint">
            No password, or forgotten it? Leave it empty: we can email you a link that signs you in once.
          </p>
        </div>
        <div class="actions">
          <button type="submit">Sign in</button>
          <button type="submit" class="secondary" formaction="/admin/login/link" formnovalidate>
            Email me a sign-in link
          </button>
        </div>
      </form>
    </PlainLayout>
  );
}

/** Signing in and out: password or one-time link, then a session cookie. */
export function loginRoutes({ cookie }: { cookie: CookieSettings }) {
  return new Hono<AppEnv>()
    .get("/login", (c) => renderAdmin(c, <LoginPage next={safeNext(c.req.query("next"))} />))
    .post("/login", async (c) => {
      const form = await readForm(c);
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
        const error = `Too many failed attempts. Try again in ${result.retryAfterSeconds} seconds, or use a sign-in link.`;
        return renderAdmin(c, <LoginPage next={next} email={email} error={error} />, 429);
      }
      return renderAdmin(c, <LoginPage next={next} email={email} error="Wrong email or password." />, 401);
    })
    .post("/login/link", async (c) => {
      const form = await readForm(c);
      const email = form.one("email").trim();
      if (/^[^\s@]+@[^\s@]+$/.test(email)) await requestLoginLink({ ctx: c.var.ctx, input: { email } });
      // The same answer whether or not the address has an account.
      const notice = "If that address belongs to a member, a sign-in link is on its way. It works once, for 15 minutes.";
      return renderAdmin(c, <LoginPage next="/admin" email={email} notice={notice} />);
    })
    // Opening the link only shows a button: mail scanners that follow links must not use it up.
    .get("/login/link/:token", (c) =>
      renderAdmin(
        c,
        <PlainLayout title="Sign in">
          <h1>Sign in to Plats</h1>
          <form method="post" class="card">
            <p>Continue to sign in with the link from your email.</p>
            <button type="submit">Sign in</button>
          </form>
        </PlainLayout>,
      ),
    )
    .post("/login/link/:token", async (c) => {
      const userId = await consumeLoginLink(c.var.ctx, c.req.param("token"));
      if (!userId) {
        const error = "This sign-in link has expired or was already used. Ask for a new one below.";
        return renderAdmin(c, <LoginPage next="/admin" error={error} />, 400);
      }
      await signIn(c, cookie, userId);
      return c.redirect("/admin", 303);
    })
    .post("/logout", async (c) => {
      await signOut(c, cookie);
      return c.redirect("/admin/login", 303);
    });
}
