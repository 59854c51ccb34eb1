import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import type { Template } from "./types";

// A confirmation like any other (invite, check-in code, own manage link), saying who sent them.
const substituteConfirmed: Template = (t, data) => {
  const values = { event: data.event.title, from: data.handover?.name ?? "" };
  return layout(t, data, fill(t.substitute_confirmed.subject, values), fill(t.substitute_confirmed.intro, values));
};
export default substituteConfirmed;
