import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Role } from "../../../db/schema";
import { AppError } from "../../../lib/errors";
import { adoptBrowserLanguage, allows, workspaceLanguage } from "../../../domain/accounts";
import { DEVICE_KEPT_MS, endSession, resolveSession, SESSION_MAX_MS, startSession } from "../../../domain/accounts";
import type { AppEnv } from "../../env";
import { browserLanguage } from "../language";

/**
 * The session cookie: HttpOnly, SameSite=Lax (a login link followed from an email must
 * arrive signed in), path /admin only. Over https it is Secure with the __Host- prefix, so
 * no subdomain can plant or read it; plain http is for a local install only. The device
 * cookie (which accounts this browser signed in to with a password, see signIn.ts) has
 * the same rules and lasts a year.
 */
export function cookieSettings(publicUrl: string) {
  const secure = new URL(publicUrl).protocol === "https:";
  const prefix = secure ? "__Host-" : "";
  return {
    name: `${prefix}plats_admin`,
    device: `${prefix}plats_device`,
    options: { httpOnly: true, secure, sameSite: "Lax" as const, path: secure ? "/" : "/admin" },
  };
}

export type CookieSettings = ReturnType<typeof cookieSettings>;

export async function signIn(c: Context<AppEnv>, cookie: CookieSettings, userId: string) {
  const token = await startSession(c.var.ctx, userId);
  await adoptBrowserLanguage(c.var.ctx, userId, browserLanguage(c));
  setCookie(c, cookie.name, token, { ...cookie.options, maxAge: SESSION_MAX_MS / 1000 });
}

/** The device cookie's value this browser sent, if any. */
export const deviceOf = (c: Context<AppEnv>, cookie: CookieSettings) => getCookie(c, cookie.device);

/** Sets (or renews for another year) the device cookie after a right password. */
export const rememberDevice = (c: Context<AppEnv>, cookie: CookieSettings, secret: string) =>
  setCookie(c, cookie.device, secret, { ...cookie.options, maxAge: DEVICE_KEPT_MS / 1000 });

export async function signOut(c: Context<AppEnv>, cookie: CookieSettings) {
  const token = getCookie(c, cookie.name);
  if (token) await endSession(c.var.ctx, token);
  deleteCookie(c, cookie.name, cookie.options);
}

/**
 * Puts the signed-in member on the context, their `language` the one the workspace speaks
 * to them on this request; without one, refuses with `unauthorized`.
 */
export const requireMember = (cookie: CookieSettings) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, cookie.name);
    const found = token ? await resolveSession(c.var.ctx, token) : null;
    if (!found) throw new AppError("sign_in_required");
    c.set("member", { ...found.member, language: workspaceLanguage(found.member, browserLanguage(c)) });
    c.set("sessionToken", token!);
    c.set("orgName", found.orgName);
    await next();
  });

/** Refuses members whose role does not reach `role` (owner ⊃ organiser ⊃ checkin). */
export const requireRole = (role: Role) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!allows(c.var.member.role, role)) throw new AppError("role_not_allowed");
    await next();
  });

/**
 * Every state-changing request to /admin must come from our own pages: the browser's
 * Origin (or, without one, Sec-Fetch-Site) must say so. This covers forms and fetch()
 * alike, whatever the content type; SameSite=Lax is the second fence.
 */
export const sameOriginOnly = (publicUrl: string) => {
  const ours = new URL(publicUrl).origin;
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      // Either signal suffices: browsers send Origin "null" under some referrer policies,
      // and Sec-Fetch-Site is missing in older ones. A cross-site page has neither.
      const own = origin === ours || origin === new URL(c.req.url).origin || site === "same-origin";
      if (!own) throw new AppError("cross_site");
    }
    await next();
  });
};

/** Where to send someone after they sign in: only a path inside /admin, never elsewhere. */
export const safeNext = (next: string | undefined) =>
  next && /^\/admin(\/[\w\-./%?=&]*)?$/.test(next) && !next.includes("//") && !next.includes("/..") ? next : "/admin";
