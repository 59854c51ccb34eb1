import type { MyChoice, SessionView } from "../../../domain/programme";
import type { PublicEventView } from "../../../domain/events";
import type { PageInfo } from "../layout";
import { ErrorSummary, type FormState } from "./fields";
import { MySchedule, SessionChoices } from "./programme";

/**
 * The manage page's programme: the person's own sessions by day with their places and
 * waitlist numbers (a package: every date), and, while they may still change them, a
 * form of every session to tick or untick, posted to `action` (works without script).
 */
export function ManageSessions(props: {
  event: Pick<PublicEventView, "timezone" | "programme" | "maxSessions">;
  sessions: SessionView[];
  choices: MyChoice[];
  /** The personal feed of their sessions (a "choose" programme, with a seat), or null. */
  feed?: string | null;
  page: PageInfo;
  /** The change form, or null when the choices can no longer change (started, cancelled, a package). */
  form: { action: string; state: FormState } | null;
}) {
  const { event, sessions, choices, page, form, feed } = props;
  const { t } = page;
  if (event.programme === "none" || !sessions.length) return null;
  return (
    <>
      <div class="card">
        <MySchedule choices={choices} sessions={sessions} event={event} page={page} />
        {feed ? (
          // webcal:// makes Apple Calendar and Outlook subscribe; the https address is for Google's "From URL".
          <p class="description">
            {t.programme.feed} <a href={feed.replace(/^https?:/, "webcal:")}>{t.programme.feedOpen}</a>
            <br />
            {t.programme.feedCopy} <code>{feed}</code>
          </p>
        ) : null}
      </div>
      {form ? (
        <section class="card" aria-labelledby="change-sessions-title" id="change-sessions">
          <h2 id="change-sessions-title">{t.programme.changeHeading}</h2>
          <p>{t.programme.changeText}</p>
          <form method="post" action={form.action} novalidate>
            <ErrorSummary state={form.state} labels={{ sessions: t.programme.legend }} t={t} />
            <SessionChoices sessions={sessions} event={event} state={form.state} page={page} held={choices} />
            <div class="actions">
              <button type="submit">{t.programme.changeButton}</button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
