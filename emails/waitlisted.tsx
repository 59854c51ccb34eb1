import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import type { Template } from "./types";

// The position stands out on its own line: it is what people look for.
const waitlisted: Template = (t, data) => {
  const values = { event: data.event.title, position: data.position ?? "" };
  // What happens when a seat frees depends on the event's mode: promised wrongly, it is a broken promise.
  const intro = data.event.offers ? t.waitlisted.introOffer : t.waitlisted.intro;
  return layout(t, data, fill(t.waitlisted.subject, values), fill(intro, values), {
    html: <p style="font-size:28px;font-weight:bold;margin:8px 0">#{String(data.position ?? "")}</p>,
    text: `#${data.position ?? ""}`,
  });
};
export default waitlisted;
