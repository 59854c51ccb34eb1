import { fill, type Messages } from "../src/i18n/messages";
import type { EmailData } from "./types";

const muted = "color:#52606d;font-size:13px";

/** What the brand parts read of an email: any email of an organisation, about a registration or not. */
type Brandable = Pick<EmailData, "brand" | "orgName">;

/** A button in the organisation's colour (validated #rrggbb, with a text colour that reads on it), else Plats' blue. */
export const buttonStyle = (data: Pick<EmailData, "brand">) => {
  const p = data.brand?.palette;
  const [background, color] = p ? [p.accent, p.onAccent] : ["#1d4ed8", "#ffffff"];
  return `display:inline-block;background:${background};color:${color};padding:10px 18px;border-radius:6px;text-decoration:none`;
};

/**
 * The logo at the top: a hosted image (never an attachment: extra parts make some
 * clients show a blank message), with the organisation's name as its alt text, which is
 * what a reader sees while images are blocked or once the logo has been replaced.
 */
export function BrandLogo({ data }: { data: Brandable }) {
  if (!data.brand?.logo) return null;
  return (
    <p style="margin:0 0 16px">
      <img src={data.brand.logo} alt={data.orgName} height="48" style="display:block;height:48px;width:auto;border:0" />
    </p>
  );
}

/** The organisation's contact and footer, then why the reader got the email. */
export function BrandFooter({ t, data }: { t: Messages; data: Brandable }) {
  const b = data.brand;
  return (
    <>
      {b?.contactEmail || b?.contactPhone ? (
        <p style={muted}>
          {t.contact}: {data.orgName}
          {b.contactEmail ? (
            <>
              {" · "}
              <a href={`mailto:${b.contactEmail}`}>{b.contactEmail}</a>
            </>
          ) : null}
          {b.contactPhone ? ` · ${b.contactPhone}` : null}
        </p>
      ) : null}
      {b?.footer ? <p style={`${muted};white-space:pre-line`}>{b.footer}</p> : null}
      <p style={muted}>{fill(t.footer, { org: data.orgName })}</p>
    </>
  );
}

/** The same footer in the text part. */
export function brandFooterText(t: Messages, data: Brandable) {
  const b = data.brand;
  const contact = [b?.contactEmail, b?.contactPhone].filter(Boolean);
  return [contact.length ? `${t.contact}: ${[data.orgName, ...contact].join(" · ")}` : null, b?.footer ?? null, fill(t.footer, { org: data.orgName })]
    .filter(Boolean)
    .join("\n\n");
}
