import { fill } from "../src/i18n/messages";
import { byColleague } from "./byColleague";
import { layout } from "./layout";
import type { Template } from "./types";

// The position stands out on its own line: it is what people look for.
const waitlisted: Template = (t, data) => {
  const values = { event: data.event.title, position: data.position ?? "", by: data.registeredBy ?? "" };
  // What happens when a seat frees depends on the event's mode: promised wrongly, it is a broken promise.
  const waiting = fill(data.event.offers ? t.waitlisted.introOffer : t.waitlisted.intro, values);
  const intro = data.registeredBy ? `${fill(t.registeredBy.waitlisted, values)} ${waiting}` : waiting;
  const position = {
    html: <p style="font-size:28px;font-weight:bold;margin:8px 0">#{String(data.position ?? "")}</p>,
    text: `#${data.position ?? ""}`,
  };
  return layout(t, data, fill(t.waitlisted.subject, values), intro, byColleague(t, data, position));
};
export default waitlisted;
