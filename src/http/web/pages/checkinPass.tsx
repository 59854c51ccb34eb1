import { qrPath } from "../../../lib/qrRuns";
import type { PageInfo } from "../layout";

/**
 * A QR code as inline SVG, built as JSX so the markup is escaped like everything else
 * (no raw HTML). Presentation attributes only: the pages' CSP allows no inline styles.
 */
export function QrSvg({ text, label, px = 240 }: { text: string; label: string; px?: number }) {
  const { size, d } = qrPath(text);
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${size} ${size}`} width={px} height={px} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}

/** The attendee's pass for the door: the QR code and the code to read out. */
export function CheckinPassCard({ pass, page }: { pass: { code: string; url: string }; page: PageInfo }) {
  const { t } = page;
  return (
    <section class="card" aria-labelledby="checkin-title">
      <h2 id="checkin-title">{t.checkinHeading}</h2>
      <p>{t.checkinText}</p>
      <p>
        <strong class="checkin-code">{pass.code}</strong>
      </p>
      <QrSvg text={pass.url} label={t.checkinQr} />
    </section>
  );
}
