import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import { sessionTitles } from "./programme";
import type { Template } from "./types";

// Names the sessions given; the programme below shows the rest of the reader's day.
const sessionPromoted: Template = (t, data) => {
  const values = { event: data.event.title, sessions: sessionTitles(data, data.about?.sessions ?? []) };
  return layout(t, data, fill(t.session_promoted.subject, values), fill(t.session_promoted.intro, values));
};
export default sessionPromoted;
