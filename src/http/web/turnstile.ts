/** Cloudflare Turnstile: an optional human check on the signup form. */
export const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";
const VERIFY_URL = `${TURNSTILE_ORIGIN}/turnstile/v0/siteverify`;

export interface Turnstile {
  siteKey: string;
  /** True when Cloudflare vouches for the token the widget put into the form. */
  verify(token: string, ip: string | undefined): Promise<boolean>;
}

/**
 * Verifies with Cloudflare's siteverify endpoint. Fails closed: if Cloudflare cannot be
 * reached the submission is refused (the person can retry), never let through unchecked.
 */
export function cloudflareTurnstile(siteKey: string, secretKey: string, fetcher: typeof fetch = fetch): Turnstile {
  return {
    siteKey,
    async verify(token, ip) {
      if (!token) return false;
      const body = new FormData();
      body.set("secret", secretKey);
      body.set("response", token);
      if (ip) body.set("remoteip", ip);
      try {
        const res = await fetcher(VERIFY_URL, { method: "POST", body, signal: AbortSignal.timeout(5000) });
        if (!res.ok) return false;
        const outcome = (await res.json()) as { success?: unknown };
        return outcome.success === true;
      } catch (err) {
        console.error("Turnstile verification failed", err);
        return false;
      }
    },
  };
}
