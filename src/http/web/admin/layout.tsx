import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { allows, type Member } from "../../../domain/accounts";
import type { Role } from "../../../db/schema";
import { assetUrl } from "../assets";
import { textStream } from "../../download";

export type Section = "events" | "checkin" | "reports" | "privacy" | "audit" | "mail" | "members" | "tokens" | "settings" | "account";

const sections: { id: Section; href: string; label: string; role: Role }[] = [
  { id: "events", href: "/admin", label: "Events", role: "organiser" },
  { id: "checkin", href: "/admin/checkin", label: "Check-in", role: "checkin" },
  { id: "reports", href: "/admin/reports", label: "Reports", role: "organiser" },
  { id: "privacy", href: "/admin/privacy", label: "Personal data", role: "owner" },
  { id: "audit", href: "/admin/audit", label: "Audit log", role: "owner" },
  { id: "mail", href: "/admin/mail", label: "Mail", role: "owner" },
  { id: "members", href: "/admin/members", label: "Members", role: "owner" },
  { id: "tokens", href: "/admin/tokens", label: "API tokens", role: "owner" },
  { id: "settings", href: "/admin/settings", label: "Settings", role: "owner" },
];

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
  return (
    <html lang="en">
      <Head title={`${title} · ${orgName} · Plats`} scripts={scripts} />
      <body class="admin">
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="admin-bar">
          <a class="brand" href="/admin">
            Plats <span class="org">{orgName}</span>
          </a>
          <nav aria-label="Workspace">
            <ul>
              {sections
                .filter((s) => allows(member.role, s.role))
                .map((s) => (
                  <li>
                    <a href={s.href} aria-current={s.id === section ? "page" : undefined}>
                      {s.label}
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
                Sign out
              </button>
            </form>
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

/** A page outside the workspace (sign-in, errors before sign-in). */
export function PlainLayout({ title, children }: { title: string; children: Child }) {
  return (
    <html lang="en">
      <Head title={`${title} · Plats`} scripts={[]} />
      <body class="admin plain">
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

/** Errors of a form: a summary on top, each message by its field name. */
/** The errors of a form above it, each linking to its field; `label` names the field in each line. */
export function ErrorSummary({ errors, label }: { errors: Record<string, string>; label?: (field: string) => string | undefined }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Please correct the following</h2>
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
