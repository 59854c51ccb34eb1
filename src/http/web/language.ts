import { detectFromHeader, detectFromQuery } from "hono/language";
import type { Language } from "../../db/schema";
import type { AppContext } from "../env";

const supported: Language[] = ["sv", "en", "nb"];

// Only the two detectors are used, so only their options matter; the rest are the
// middleware's own defaults, spelled out because the detectors take the whole set.
const options = {
  order: ["querystring", "header"] as ("querystring" | "header")[],
  lookupQueryString: "lang",
  lookupCookie: "language",
  lookupFromHeaderKey: "accept-language",
  lookupFromPathIndex: 0,
  caches: false as const,
  ignoreCase: true,
  fallbackLanguage: "sv",
  supportedLanguages: supported,
  cookieOptions: {},
  debug: false,
  // Browsers set to Norwegian often say "no" or "nn"; Bokmål is the written form we have.
  convertDetectedLanguage: (lang: string) => (/^(no|nn)(-|$)/i.test(lang) ? "nb" : lang),
};

/**
 * The language of a page: `?lang=` first, then the event's (or registrant's) own, then
 * the browser's Accept-Language, then Swedish.
 */
export function pageLanguage(c: AppContext, preferred?: Language): Language {
  return (detectFromQuery(c, options) ?? preferred ?? detectFromHeader(c, options) ?? "sv") as Language;
}

/** The browser's language, when it is one of ours (the workspace's first default). */
export const browserLanguage = (c: AppContext): Language | undefined => detectFromHeader(c, options) as Language | undefined;
