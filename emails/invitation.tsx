import { fill, type Messages } from "../src/i18n/messages";
import type { Language } from "../src/db/schema";
import { BrandFooter, BrandLogo, brandFooterText, buttonStyle } from "./brand";
import type { EmailBrand, EmailData, Rendered } from "./types";

const box = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px";
const cell = "padding:4px 0";
const head = "text-align:left;padding:4px 12px 4px 0;vertical-align:top";

/** An invitation as its email shows it: to someone with no registration yet, so no manage link. */
export interface InvitationData {
  language: Language;
  /** The greeting: the invitee's first name, or their address when the organiser gave no name. */
  name: string;
  orgName: string;
  brand?: EmailBrand;
  event: EmailData["event"];
  /** The personal link: the event's page with the invitation's token. */
  url: string;
  /** The page with the one button that declines. */
  declineUrl: string;
  seats: number;
  reminder: boolean;
}

/**
 * An invitation, or its reminder (which says so in the subject): the event, the personal
 * link as a button, how many seats it holds, and the decline link. No tracking pixel:
 * the organiser learns of a visit when the link is opened.
 */
export function invitationEmail(t: Messages, data: InvitationData): Rendered {
  const m = t.invitation;
  const values = { event: data.event.title, org: data.orgName, seats: data.seats };
  const subject = fill(data.reminder ? m.reminderSubject : m.subject, values);
  const intro = fill(data.reminder ? m.reminder : m.intro, values);
  const seats = fill(data.seats > 1 ? m.seatsMany : m.seatsOne, values);
  const note = data.seats > 1 ? m.linkNote : null;
  const where = [data.event.venue, data.event.address].filter(Boolean).join(", ");
  // The footer says why the reader got it: an invitation, not a registration of theirs.
  const footerT = { ...t, footer: m.footer };
  const html = (
    <html lang={data.language}>
      <body style="margin:0;background:#f5f7fa">
        <div style={box}>
          <BrandLogo data={data} />
          <p>{fill(t.greeting, { name: data.name })}</p>
          <p>{intro}</p>
          <table role="presentation" style="border-collapse:collapse;margin:16px 0">
            <tr>
              <th style={head}>{t.when}</th>
              <td style={cell}>{data.event.when}</td>
            </tr>
            {where ? (
              <tr>
                <th style={head}>{t.where}</th>
                <td style={cell}>{where}</td>
              </tr>
            ) : null}
          </table>
          <p>{seats}</p>
          <p>
            <a href={data.url} style={buttonStyle(data)}>
              {m.button}
            </a>
          </p>
          {note ? <p>{note}</p> : null}
          <p>
            {m.decline} <a href={data.declineUrl}>{m.declineButton}</a>
          </p>
          <BrandFooter t={footerT} data={data} />
        </div>
      </body>
    </html>
  );
  const text = [
    fill(t.greeting, { name: data.name }),
    intro,
    `${t.when}: ${data.event.when}`,
    where ? `${t.where}: ${where}` : null,
    seats,
    `${m.button}:\n${data.url}`,
    note,
    `${m.decline}\n${data.declineUrl}`,
    brandFooterText(footerT, data),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { subject, text: `${text}\n`, html: `<!doctype html>${html.toString()}` };
}
