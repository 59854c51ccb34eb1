import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { allows, type Member } from "../../../domain/accounts";
import type { Language, Role } from "../../../db/schema";
import { workspaceMessages, type WorkspaceMessages } from "../../../i18n/workspace";
import { assetUrl } from "../assets";
import { textStream } from "../../download";

export type Section = "events" | "people" | "checkin" | "reports" | "privacy" | "audit" | "mail" | "members" | "tokens" | "webhooks" | "settings" | "account";

const sections: { id: Exclude<Section, "account">; href: string; role: Role }[] = [
  { id: "events", href: "/admin", role: "organiser" },
  { id: "people", href: "/admin/people", role: "organiser" },
  { id: "checkin", href: "/admin/checkin", role: "checkin" },
  { id: "reports", href: "/admin/reports", role: "organiser" },
  { id: "privacy", href: "/admin/privacy", role: "owner" },
  { id: "audit", href: "/admin/audit", role: "owner" },
  { id: "mail", href: "/admin/mail", role: "owner" },
  { id: "members", href: "/admin/members", role: "owner" },
  { id: "tokens", href: "/admin/tokens", role: "owner" },
  { id: "webhooks", href: "/admin/webhooks", role: "owner" },
  { id: "settings", href: "/admin/settings", role: "owner" },
];

const languages: Language[] = ["sv", "nb", "en"];

/** The workspace's words for a member on this request. */
export const wordsFor = (member: Pick<Member, "language">): WorkspaceMessages => workspaceMessages(member.language);

/**
 * The header's language switch: a plain form (it works without scripts); the answer goes
 * back to the page it was sent from. Each option is written in its own language, so
 * anyone finds theirs.
 */
function LanguageSwitch({ language, t }: { language: Language; t: WorkspaceMessages }) {
  return (
    <form method="post" action="/admin/language" class="language-switch">
      <label for="f-workspace-language">{t.shell.language}</label>{" "}
      <select id="f-workspace-language" name="language">
        {languages.map((l) => (
          <option value={l} lang={l} selected={l === language}>
            {t.shell.languageNames[l]}
          </option>
        ))}
      </select>{" "}
      <button type="submit" class="secondary">
        {t.shell.changeLanguage}
      </button>
    </form>
  );
}

/** Every workspace page's head: never indexed, our own stylesheet and scripts only. */
function Head({ title, scripts }: { title: string; scripts: string[] }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{title}</title>
      <link rel="stylesheet" href={assetUrl["admin.css"]} />
      <link rel="icon" href={assetUrl["icon.svg"]} type="image/svg+xml" />
      {scripts.map((src) => (
        <script src={src} defer></script>
      ))}
    </head>
  );
}

/** The frame of every signed-in /admin page: the organisation, the sections this role may use, sign-out. */
export function AdminLayout({
  member,
  orgName,
  title,
  section,
  children,
  scripts = [],
}: {
  member: Member;
  orgName: string;
  title: string;
  section: Section;
  children: Child;
  /** Scripts of this page, served from /assets. */
  scripts?: string[];
}) {
  const t = wordsFor(member);
  return (
    <html lang={member.language}>
      <Head title={`${title} · ${orgName} · Plats`} scripts={scripts} />
      <body class="admin">
        <a class="skip" href="#main">
          {t.shell.skipToContent}
        </a>
        <header class="admin-bar">
          <a class="brand" href="/admin">
            Plats <span class="org">{orgName}</span>
          </a>
          <nav aria-label={t.shell.workspaceNav}>
            <ul>
              {sections
                .filter((s) => allows(member.role, s.role))
                .map((s) => (
                  <li>
                    <a href={s.href} aria-current={s.id === section ? "page" : undefined}>
                      {t.shell.sections[s.id]}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
          <div class="who">
            <a href="/admin/account" aria-current={section === "account" ? "page" : undefined}>
              {member.name || member.email}
            </a>
            <form method="post" action="/admin/logout">
              <button type="submit" class="link">
                {t.shell.signOut}
              </button>
            </form>
            <LanguageSwitch language={member.language} t={t} />
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

/** A page outside the workspace (sign-in, errors before sign-in). */
export function PlainLayout({ title, children, language }: { title: string; children: Child; language: Language }) {
  return (
    <html lang={language}>
      <Head title={`${title} · Plats`} scripts={[]} />
      <body class="admin plain">
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

/** The errors of a form above it, each linking to its field; `label` names the field in each line. */
export function ErrorSummary({
  errors,
  label,
  language,
}: {
  errors: Record<string, string>;
  label?: (field: string) => string | undefined;
  language: Language;
}) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>{workspaceMessages(language).shell.errorSummary}</h2>
      <ul>
        {entries.map(([field, message]) => {
          const name = label?.(field);
          return (
            <li>
              <a href={`#f-${field}`}>{name ? `${name}: ${message}` : message}</a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A short confirmation after a change (the redirect's `?notice=`). */
export const Notice = ({ text }: { text: string | undefined }) =>
  text ? (
    <p class="notice ok" role="status">
      {text}
    </p>
  ) : null;

/** Where `streamAdmin` puts the rows it streams: a comment no text on a page can forge (text is escaped). */
export const ROWS_SLOT = raw("<!--plats:rows-->");

/**
 * A page whose long table is sent as it is read: the page around it rendered once, split
 * at `ROWS_SLOT`, and each part of `rows` rendered and sent in turn, so neither the whole
 * list nor its HTML is ever in memory at once, and other requests run between parts.
 */
export async function streamAdmin(c: Context, node: Child, rows: AsyncIterable<Child>) {
  const page = String(await html`<!doctype html>${node}`);
  const at = page.indexOf(String(ROWS_SLOT));
  if (at < 0) return c.html(page);
  async function* parts() {
    yield page.slice(0, at);
    for await (const part of rows) yield String(await html`${part}`);
    yield page.slice(at + String(ROWS_SLOT).length);
  }
  c.header("Content-Type", "text/html; charset=UTF-8");
  return c.body(textStream(parts(), c.req.path));
}

/** Admin pages hold personal data: never cached, never framed (see adminHeaders). */
export const renderAdmin = (c: Context, node: Child, status: ContentfulStatusCode = 200) =>
  c.html(html`<!doctype html>${node}`, status);
