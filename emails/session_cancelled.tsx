import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import { aboutSessions, sessionTitles } from "./programme";
import type { Template } from "./types";

// Which session, and when it would have been: a title alone may be one of several alike.
const sessionCancelled: Template = (t, data) => {
  const values = { event: data.event.title, session: sessionTitles(data, data.about?.sessions ?? []) };
  return layout(t, data, fill(t.session_cancelled.subject, values), fill(t.session_cancelled.intro, values), aboutSessions(t, data));
};
export default sessionCancelled;
