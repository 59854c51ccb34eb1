import { fill } from "../src/i18n/messages";
import { byColleague } from "./byColleague";
import { layout } from "./layout";
import type { Template } from "./types";

// Signed up by a colleague, the reader learns who did it and that the link below is theirs to change or cancel.
const confirmed: Template = (t, data) => {
  const values = { event: data.event.title, by: data.registeredBy ?? "" };
  const intro = data.registeredBy ? t.registeredBy.confirmed : t.confirmed.intro;
  return layout(t, data, fill(t.confirmed.subject, values), fill(intro, values), byColleague(t, data));
};
export default confirmed;
