import type { Role } from "../../src/db/schema";
import { createMember, setPassword, type Member } from "../../src/domain/accounts";
import { harness, PUBLIC_URL, type Harness } from "./harness";

export const PASSWORD = "correct horse battery staple";

export interface AdminResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Where a redirect points (path and query), or null. */
  location: string | null;
}

export interface SignedIn {
  member: Member;
  cookie: string;
  /** A request to the app as this member; a `form` is posted url-encoded from our own origin. */
  request(path: string, init?: AdminRequestInit): Promise<AdminResponse>;
}

export interface AdminRequestInit {
  method?: string;
  form?: Record<string, string | string[]>;
  json?: unknown;
  headers?: Record<string, string>;
  /** Leave out the Origin header (a cross-site or non-browser request). */
  origin?: string | null;
}

export interface AdminHarness extends Harness {
  /**
   * A member of `orgId` (default: the harness organisation) with a password, signed in
   * from a browser whose Accept-Language is `browser` (default English).
   */
  signedIn(role?: Role, orgId?: string, browser?: string): Promise<SignedIn>;
  /** A request without a session. */
  request(path: string, init?: AdminRequestInit & { cookie?: string }): Promise<AdminResponse>;
}

let memberCounter = 0;

/** The harness plus signed-in members of any role, for the /admin routes. */
export async function adminHarness(...args: Parameters<typeof harness>): Promise<AdminHarness> {
  const h = await harness(...args);
  const request: AdminHarness["request"] = async (path, init = {}) => {
    // A browser set to English unless a test says otherwise: a member who never chose a
    // language sees the workspace in their browser's (the suite's pages are read in English).
    const headers: Record<string, string> = { "accept-language": "en", ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    const method = init.method ?? (init.form || init.json !== undefined ? "POST" : "GET");
    if (method !== "GET" && init.origin !== null) headers.origin = init.origin ?? PUBLIC_URL;
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const one of [v].flat()) params.append(k, one);
      body = params.toString();
    } else if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      headers.accept ??= "application/json";
      body = JSON.stringify(init.json);
    }
    const res = await h.app.request(path, { method, headers, body });
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
  };
  const signedIn: AdminHarness["signedIn"] = async (role = "owner", orgId = h.orgId, browser = "en") => {
    const member = await createMember({ ctx: h.ctx, input: { orgId, email: `member${++memberCounter}@cluster.se`, role } });
    await setPassword({ ctx: h.ctx, member, password: PASSWORD });
    const res = await request("/admin/login", { form: { email: member.email, password: PASSWORD }, headers: { "accept-language": browser } });
    const setCookie = res.headers.get("set-cookie");
    if (res.status !== 303 || !setCookie) throw new Error(`sign-in failed: ${res.status} ${res.text.slice(0, 200)}`);
    const cookie = setCookie.split(";")[0]!;
    return { member, cookie, request: (path, init = {}) => request(path, { ...init, cookie }) };
  };
  return { ...h, signedIn, request };
}
