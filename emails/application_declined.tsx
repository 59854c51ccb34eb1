import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import type { Template } from "./types";

// A polite no: the event's details for reference, and no link to a registration that has ended.
const application_declined: Template = (t, data) => {
  const m = t.application_declined;
  const values = { event: data.event.title };
  return layout(t, data, fill(m.subject, values), fill(m.intro, values), undefined, null);
};
export default application_declined;
