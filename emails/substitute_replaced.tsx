import { fill } from "../src/i18n/messages";
import { BrandFooter, BrandLogo, brandFooterText } from "./brand";
import type { Rendered, Template } from "./types";

const box = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;max-width:560px;margin:0 auto;padding:24px";

/**
 * To someone who passed their seat on. Not the shared layout: they have no registration
 * and no manage link any more, and the event's details are no longer theirs to keep.
 */
const substituteReplaced: Template = (t, data): Rendered => {
  const m = t.substitute_replaced;
  const values = { event: data.event.title, to: data.handover?.name ?? "" };
  const paragraphs = [fill(t.greeting, { name: data.name }), fill(m.intro, values), data.handover?.calendarWithdrawn ? m.calendar : null, m.thanks].filter(
    (p): p is string => p !== null,
  );
  const html = (
    <html lang={data.language}>
      <body style="margin:0;background:#f5f7fa">
        <div style={box}>
          <BrandLogo data={data} />
          {paragraphs.map((p) => (
            <p>{p}</p>
          ))}
          <BrandFooter t={t} data={data} />
        </div>
      </body>
    </html>
  );
  const text = [...paragraphs, brandFooterText(t, data)].join("\n\n");
  return { subject: fill(m.subject, values), text: `${text}\n`, html: `<!doctype html>${html.toString()}` };
};
export default substituteReplaced;
