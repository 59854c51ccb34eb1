import { fill } from "../src/i18n/messages";
import { layout } from "./layout";
import { sessionTitles } from "./programme";
import type { Template } from "./types";

// The event's reminder, or a later day's of its programme: that day's sessions, whose
// time and room the details then show.
const reminder: Template = (t, data) => {
  const session = data.about?.sessions.length ? sessionTitles(data, data.about.sessions) : null;
  const values = { event: data.event.title, session: session ?? "" };
  const m = t.reminder;
  return session
    ? layout(t, data, fill(m.sessionSubject, values), fill(m.session, values))
    : layout(t, data, fill(m.subject, values), fill(m.intro, values));
};
export default reminder;
