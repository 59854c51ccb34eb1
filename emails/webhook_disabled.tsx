import type { Language } from "../src/db/schema";
import { fill } from "../src/i18n/messages";
import type { WorkspaceMessages } from "../src/i18n/workspace";
import type { Rendered } from "./types";

// Inline styles only (mail clients drop <style>); Plats' own look, as the sign-in link's.
const box = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px";
const button = "display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none";
const muted = "color:#52606d;font-size:13px";

type Words = WorkspaceMessages["organisation"]["webhooks"]["mail"];

export interface WebhookDisabledData {
  language: Language;
  /** The owner's first name, or null to greet without one. */
  name: string | null;
  orgName: string;
  /** The endpoint's URL as an owner typed it: shown as text, never as a link. */
  url: string;
  /** Since when every delivery failed, in running text. */
  since: string;
  /** The endpoint's page in the workspace. */
  pageUrl: string;
}

/** To each owner, once, when an endpoint is disabled after three days of failures. */
export function webhookDisabledEmail(w: Words, data: WebhookDisabledData): Rendered {
  const subject = fill(w.subject, { org: data.orgName });
  const greeting = data.name ? fill(w.greeting, { name: data.name }) : w.greetingNoName;
  // The URL goes in as a value, so the template escapes it; split around it for the HTML's <code>.
  const [before, after] = w.intro.split("{url}") as [string, string?];
  const since = (s: string | undefined) => fill(s ?? "", { since: data.since });
  const why = fill(w.why, { org: data.orgName });
  const html = (
    <html lang={data.language}>
      <body style="margin:0;background:#f5f7fa">
        <div style={box}>
          <p>{greeting}</p>
          <p>
            {since(before)}
            <code style="word-break:break-all">{data.url}</code>
            {since(after)}
          </p>
          <p>{w.nothingMore}</p>
          <p>{w.waiting}</p>
          <p>
            <a href={data.pageUrl} style={button}>
              {w.button}
            </a>
          </p>
          <p style={muted}>{why}</p>
        </div>
      </body>
    </html>
  );
  const intro = fill(w.intro, { url: data.url, since: data.since });
  const text = [greeting, intro, w.nothingMore, w.waiting, `${w.button}: ${data.pageUrl}`, why].join("\n\n");
  return { subject, text: `${text}\n`, html: `<!doctype html>${html.toString()}` };
}
