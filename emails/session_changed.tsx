import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import { aboutSessions, sessionTitles } from "./programme";
import type { Template } from "./types";

// What the session is now, field by field, right under the news: that is what people look for.
const sessionChanged: Template = (t, data) => {
  const m = t.session_changed;
  const values = { event: data.event.title, session: sessionTitles(data, data.about?.sessions ?? []) };
  const added = data.about?.added ?? false;
  return layout(t, data, fill(added ? m.addedSubject : m.subject, values), fill(added ? m.added : m.intro, values), aboutSessions(t, data));
};
export default sessionChanged;
