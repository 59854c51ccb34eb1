import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import type { Template } from "./types";

// An application holds no seat yet: no calendar, and the link is to see or withdraw it.
const application_received: Template = (t, data) => {
  const m = t.application_received;
  const values = { event: data.event.title };
  return layout(t, data, fill(m.subject, values), fill(m.intro, values), undefined, { intro: m.manageIntro, button: m.button });
};
export default application_received;
