import type { Child } from "hono/jsx";
import { fill, type Messages } from "../src/i18n/messages";
import { BrandFooter, BrandLogo, brandFooterText, buttonStyle } from "./brand";
import { Programme, programmeText } from "./programme";
import { QrTable } from "./qrTable";
import type { EmailData, Rendered } from "./types";

// Inline styles only: mail clients drop <style> blocks and external sheets.
const box = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px";

function Details({ t, data }: { t: Messages; data: EmailData }) {
  const where = [data.event.venue, data.event.address].filter(Boolean).join(", ");
  return (
    <table role="presentation" style="border-collapse:collapse;margin:16px 0">
      <tr>
        <th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">{t.when}</th>
        <td style="padding:4px 0">{data.event.when}</td>
      </tr>
      {where ? (
        <tr>
          <th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">{t.where}</th>
          <td style="padding:4px 0">{where}</td>
        </tr>
      ) : null}
      {data.event.onlineUrl ? (
        <tr>
          <th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">{t.joinLink}</th>
          <td style="padding:4px 0">
            <a href={data.event.onlineUrl}>{data.event.onlineUrl}</a>
          </td>
        </tr>
      ) : null}
    </table>
  );
}

function CalendarLinks({ t, data }: { t: Messages; data: EmailData }) {
  if (!data.calendar) return null;
  const c = data.calendar;
  return (
    <p>
      {t.addToCalendar}: <a href={c.google}>Google</a> · <a href={c.outlook}>Outlook.com</a> ·{" "}
      <a href={c.office365}>Microsoft 365</a> · <a href={c.ics}>{t.calendarFile}</a>
    </p>
  );
}

/** The QR code and the typed code an attendee shows at the door. */
function CheckinBlock({ t, data }: { t: Messages; data: EmailData }) {
  if (!data.checkin) return null;
  return (
    <div style="margin:16px 0;padding:12px 16px;background:#ffffff;border:1px solid #cbd2d9;border-radius:8px">
      <h2 style="font-size:18px;margin:0 0 4px">{t.checkin.title}</h2>
      <p style="margin:0">{t.checkin.intro}</p>
      <p style="font-family:'Courier New',Courier,monospace;font-size:22px;font-weight:bold;letter-spacing:2px;margin:4px 0">{data.checkin.code}</p>
      <QrTable text={data.checkin.url} label={`${t.checkin.title}: ${data.checkin.code}`} />
    </div>
  );
}

/**
 * The frame every email shares: greeting, the kind's own paragraph, the event's details,
 * the reader's sessions, calendar links for confirmed attendees, and the manage link. Returns the HTML part and
 * the plain-text part with the same content.
 */
export function layout(
  t: Messages,
  data: EmailData,
  subject: string,
  intro: string,
  extra?: { html: Child; text: string },
  /** The manage link's own words (an application's), or none at all (`null`: a declined application has nothing to manage). */
  manage: { intro: string; button: string } | null = { intro: t.manageIntro, button: t.manageButton },
): Rendered {
  const html = (
    <html lang={data.language}>
      <body style="margin:0;background:#f5f7fa">
        <div style={box}>
          <BrandLogo data={data} />
          <p>{fill(t.greeting, { name: data.name })}</p>
          <p>{intro}</p>
          {data.note ? <p style="white-space:pre-line">{data.note}</p> : null}
          {extra?.html}
          <Details t={t} data={data} />
          <Programme t={t} data={data} />
          <CheckinBlock t={t} data={data} />
          <CalendarLinks t={t} data={data} />
          {manage ? (
            <>
              <p>{manage.intro}</p>
              <p>
                <a href={data.manageUrl} style={buttonStyle(data)}>
                  {manage.button}
                </a>
              </p>
            </>
          ) : null}
          <BrandFooter t={t} data={data} />
        </div>
      </body>
    </html>
  );
  const where = [data.event.venue, data.event.address].filter(Boolean).join(", ");
  const text = [
    fill(t.greeting, { name: data.name }),
    intro,
    data.note,
    extra?.text,
    `${t.when}: ${data.event.when}`,
    where ? `${t.where}: ${where}` : null,
    data.event.onlineUrl ? `${t.joinLink}: ${data.event.onlineUrl}` : null,
    programmeText(t, data),
    data.checkin ? `${t.checkin.title}\n${t.checkin.intro} ${data.checkin.code}` : null,
    data.calendar
      ? `${t.addToCalendar}:\nGoogle: ${data.calendar.google}\nOutlook.com: ${data.calendar.outlook}\nMicrosoft 365: ${data.calendar.office365}\n${t.calendarFile}: ${data.calendar.ics}`
      : null,
    manage ? `${manage.intro}\n${data.manageUrl}` : null,
    brandFooterText(t, data),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { subject, text: `${text}\n`, html: `<!doctype html>${html.toString()}` };
}

/** A template whose only own content is its subject and opening paragraph. */
export const simple =
  (pick: (t: Messages) => { subject: string; intro: string }) =>
  (t: Messages, data: EmailData): Rendered => {
    const m = pick(t);
    const values = { event: data.event.title, position: data.position ?? "" };
    return layout(t, data, fill(m.subject, values), fill(m.intro, values));
  };
