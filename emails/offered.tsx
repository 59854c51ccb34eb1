import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import type { Template } from "./types";

const button = "display:inline-block;background:#15803d;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none";

// The button leads to a page with one button, not to the acceptance itself: mail scanners
// follow links, and a seat must not be taken by one.
const offered: Template = (t, data) => {
  const values = { event: data.event.title, deadline: data.offer?.deadline ?? "" };
  const accept = data.offer?.acceptUrl ?? data.manageUrl;
  return layout(t, data, fill(t.offered.subject, values), fill(t.offered.intro, values), {
    html: (
      <>
        <p>
          <a href={accept} style={button}>
            {t.offered.button}
          </a>
        </p>
        <p>{t.offered.declineHint}</p>
      </>
    ),
    text: `${t.offered.button}:\n${accept}\n\n${t.offered.declineHint}`,
  });
};
export default offered;
