import type { Context } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Language } from "../../db/schema";
import { telHref, type PublicBrand } from "../../domain/organisations";
import { fill } from "../../i18n/messages";
import { pageMessages, type PageMessages } from "../../i18n/pages";
import { accentSheetUrl, assetUrl } from "./assets";

export interface PageInfo {
  lang: Language;
  t: PageMessages;
  /** Where the language links point: this page's path and query, without `lang`. */
  url: URL;
  embed: boolean;
}

export const pageInfo = (lang: Language, requestUrl: string, embed = false): PageInfo => ({
  lang,
  t: pageMessages(lang),
  url: new URL(requestUrl),
  embed,
});

/** The same page in another language: the current query with `lang` replaced. */
function languageHref(url: URL, lang: Language) {
  const next = new URL(url);
  next.searchParams.set("lang", lang);
  return `${next.pathname}${next.search}`;
}

function Languages({ page }: { page: PageInfo }) {
  const { t } = page;
  return (
    <nav class="langs" aria-label={t.language}>
      <ul>
        {(["sv", "en", "nb"] as const).map((l) => (
          <li>
            <a href={languageHref(page.url, l)} lang={l} hreflang={l} aria-current={l === page.lang ? "true" : undefined}>
              {t.languageNames[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The organiser's contact and footer, under the page's content (the embed has no site
 * footer). With `contactShown`, the page has shown the contact already: the footer only.
 */
function OrganiserFoot({ page, brand, contactShown }: { page: PageInfo; brand: PublicBrand; contactShown?: boolean }) {
  const { t } = page;
  const contact = !contactShown && (brand.contactEmail || brand.contactPhone);
  if (!contact && !brand.footer) return null;
  return (
    <div class="org-foot">
      {contact ? (
        <>
          <p>
            <strong>{fill(t.contactHeading, { org: brand.name })}</strong>
          </p>
          {brand.contactEmail ? (
            <p>
              {t.contactEmail}: <a href={`mailto:${brand.contactEmail}`}>{brand.contactEmail}</a>
            </p>
          ) : null}
          {brand.contactPhone ? (
            <p>
              {t.contactPhone}: <a href={telHref(brand.contactPhone)}>{brand.contactPhone}</a>
            </p>
          ) : null}
        </>
      ) : null}
      {brand.footer ? <p class="org-footer">{brand.footer}</p> : null}
    </div>
  );
}

/**
 * The frame of every attendee page. Embedded (`?embed=1`), it drops the site header and
 * footer and loads the script that reports its height to the page around the iframe.
 * With an organisation's `brand`, its colour, logo, contact and footer frame the content;
 * with `organiserShown`, the page shows the logo and contact itself (the event page's
 * summary), and the frame keeps only the colour and the footer.
 */
export function Layout({
  page,
  title,
  children,
  noindex,
  brand,
  organiserShown,
}: {
  page: PageInfo;
  title: string;
  children: Child;
  noindex?: boolean;
  brand?: PublicBrand | null;
  organiserShown?: boolean;
}) {
  const { t } = page;
  return (
    <html lang={page.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {noindex ? <meta name="robots" content="noindex" /> : null}
        <title>{title}</title>
        <link rel="stylesheet" href={assetUrl["plats.css"]} />
        {brand?.palette ? <link rel="stylesheet" href={accentSheetUrl(brand.palette.accent)} /> : null}
        <link rel="icon" href={assetUrl["icon.svg"]} type="image/svg+xml" />
        {page.embed ? <script src={assetUrl["frame.js"]} defer></script> : null}
      </head>
      <body class={page.embed ? "embed" : undefined}>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        {page.embed ? null : (
          <header class="site">
            <div class="site-inner">
              <a class="brand" href="/">
                Plats
              </a>
              <Languages page={page} />
            </div>
          </header>
        )}
        <main id="main">
          {page.embed ? <Languages page={page} /> : null}
          {brand?.logo && !organiserShown ? (
            <p class="org-logo">
              <img src={brand.logo.path} alt={brand.name} />
            </p>
          ) : null}
          {children}
          {brand ? <OrganiserFoot page={page} brand={brand} contactShown={organiserShown} /> : null}
        </main>
        {page.embed ? null : <footer class="foot">{t.footer}</footer>}
      </body>
    </html>
  );
}

/** A whole page as the response: the doctype, then the rendered tree (escaped by hono/jsx). */
export const renderPage = (c: Context, node: Child, status: ContentfulStatusCode = 200) =>
  c.html(html`<!doctype html>${node}`, status);
