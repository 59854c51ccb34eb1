import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import type { Template } from "./types";

// The organiser's own words, as plain text: paragraphs split on blank lines, and
// escaped like everything else a template shows.
const organiserMessage: Template = (t, data) => {
  const message = data.message ?? { subject: data.event.title, body: "" };
  const paragraphs = message.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return layout(t, data, message.subject, fill(t.organiser_message.intro, { org: data.orgName, event: data.event.title }), {
    html: (
      <div style="border-left:4px solid #cbd2d9;padding-left:12px;margin:12px 0">
        {paragraphs.map((p) => (
          <p style="white-space:pre-line">{p}</p>
        ))}
      </div>
    ),
    text: paragraphs.join("\n\n"),
  });
};
export default organiserMessage;
