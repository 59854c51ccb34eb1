import { fill, type Messages } from "../src/i18n/messages";
import type { Language } from "../src/db/schema";
import type { Rendered } from "./types";

const box = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px";
const button = "display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none";

export interface LoginLinkData {
  language: Language;
  name: string | null;
  orgName: string;
  url: string;
  minutes: number;
}

/** The one email that is about no event: a one-time link into /admin. */
export function loginLinkEmail(t: Messages, data: LoginLinkData): Rendered {
  const m = t.login_link;
  const subject = fill(m.subject, { org: data.orgName });
  const intro = fill(m.intro, { org: data.orgName, minutes: data.minutes });
  const greeting = data.name ? fill(t.greeting, { name: data.name }) : null;
  const html = (
    <html lang={data.language}>
      <body style="margin:0;background:#f5f7fa">
        <div style={box}>
          {greeting ? <p>{greeting}</p> : null}
          <p>{intro}</p>
          <p>
            <a href={data.url} style={button}>
              {m.button}
            </a>
          </p>
          <p style="color:#52606d;font-size:13px">{m.ignore}</p>
        </div>
      </body>
    </html>
  );
  const text = [greeting, intro, data.url, m.ignore].filter(Boolean).join("\n\n");
  return { subject, text: `${text}\n`, html: `<!doctype html>${html.toString()}` };
}
