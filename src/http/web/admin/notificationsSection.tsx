import type { Member } from "../../../domain/accounts";
import { NOTIFICATION_KINDS, NOTIFICATION_MODES, type NotificationChoice, type NotificationSettings } from "../../../domain/notifications";
import { formatDay } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { ErrorSummary, wordsFor } from "./layout";

type Words = WorkspaceMessages["notifications"]["settings"];

/** A form's submitted values and the errors beside them, after a refused submission. */
export interface ChoiceState {
  values: { mode: string; kinds: string[]; event?: string };
  errors: Record<string, string>;
}

const stateOf = (choice: NotificationChoice): ChoiceState => ({ values: { mode: choice.mode, kinds: choice.kinds }, errors: {} });

/**
 * The mode as radio buttons and the kinds as tick boxes; `prefix` keeps the two forms'
 * ids apart (the error summary links to `f-<prefix>mode` and `f-<prefix>kinds`).
 */
function ChoiceFields({ t, state, prefix }: { t: Words; state: ChoiceState; prefix: string }) {
  const error = (field: string) =>
    state.errors[field] ? (
      <p class="field-error" id={`f-${prefix}${field}-error`}>
        {state.errors[field]}
      </p>
    ) : null;
  return (
    <>
      <fieldset id={`f-${prefix}mode`} aria-describedby={state.errors.mode ? `f-${prefix}mode-error` : undefined}>
        <legend>{t.mode}</legend>
        {error("mode")}
        {NOTIFICATION_MODES.map((mode) => (
          <label class="choice">
            <input type="radio" name="mode" value={mode} checked={state.values.mode === mode} aria-describedby={`f-${prefix}mode-${mode}-hint`} />
            <span>
              {t.modes[mode]}
              <span class="hint" id={`f-${prefix}mode-${mode}-hint`}>
                {" "}
                {t.modeHints[mode]}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset id={`f-${prefix}kinds`} aria-describedby={[`f-${prefix}kinds-hint`, state.errors.kinds ? `f-${prefix}kinds-error` : ""].join(" ").trim()}>
        <legend>{t.kinds}</legend>
        <p class="hint" id={`f-${prefix}kinds-hint`}>
          {t.kindsHint}
        </p>
        {error("kinds")}
        {NOTIFICATION_KINDS.map((kind) => (
          <label class="choice">
            <input type="checkbox" name="kinds" value={kind} checked={state.values.kinds.includes(kind)} />
            <span>{t.kindNames[kind]}</span>
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** How a choice reads in the table: "Ett mejl när något händer: Nya anmälningar, Avbokningar". */
const describe = (t: Words, choice: NotificationChoice) =>
  choice.mode === "each" ? `${t.modes.each}: ${choice.kinds.map((k) => t.kindNames[k]).join(", ")}` : t.modes[choice.mode];

/**
 * The account page's notifications: the choice for all events, the events with a choice
 * of their own (each removable), and a form to choose for one more. Members at the door
 * are told the emails are for organisers.
 */
export function NotificationsSection({
  member,
  settings,
  fallbackState,
  eventState,
}: {
  member: Member;
  settings: NotificationSettings | null;
  fallbackState?: ChoiceState;
  eventState?: ChoiceState;
}) {
  const t = wordsFor(member).notifications.settings;
  const language = member.language;
  if (!settings)
    return (
      <section id="notifications" class="card" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">{t.heading}</h2>
        <p>{t.notForRole}</p>
      </section>
    );
  const fallback = fallbackState ?? stateOf(settings.fallback);
  const perEvent = eventState ?? { values: { mode: "each", kinds: [...NOTIFICATION_KINDS] }, errors: {} };
  const labelOf = (prefix: string) => (field: string) => (field === `${prefix}mode` ? t.mode : field === `${prefix}kinds` ? t.kinds : field === `${prefix}event` ? t.eventField : undefined);
  const prefixed = (prefix: string, errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
  return (
    <section id="notifications" class="card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <form method="post" action="/admin/account/notifications">
        <h3>{t.allEvents}</h3>
        <ErrorSummary errors={prefixed("", fallback.errors)} label={labelOf("")} language={language} />
        <ChoiceFields t={t} state={fallback} prefix="" />
        <button type="submit">{t.save}</button>
      </form>
      <h3>{t.perEvent}</h3>
      <p class="hint">{t.perEventIntro}</p>
      {settings.overrides.length ? (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.event}</th>
                <th scope="col">{t.choice}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {settings.overrides.map((o) => (
                <tr>
                  <td>
                    <a href={`/admin/events/${o.eventId}`}>{o.title}</a> <span class="hint">{formatDay(o.startsAt, o.timezone, language)}</span>
                  </td>
                  <td>{describe(t, o)}</td>
                  <td>
                    <form method="post" action={`/admin/account/notifications/events/${o.eventId}/remove`}>
                      <button type="submit" class="secondary" aria-label={fill(t.removeLabel, { event: o.title })}>
                        {t.remove}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.noOverrides}</p>
      )}
      <h3>{t.addHeading}</h3>
      {settings.events.length ? (
        <form method="post" action="/admin/account/notifications/events">
          <ErrorSummary errors={prefixed("event-", perEvent.errors)} label={labelOf("event-")} language={language} />
          <div class="field">
            <label for="f-event-event">{t.eventField}</label>
            <select id="f-event-event" name="event">
              {settings.events.map((e) => (
                <option value={e.id} selected={perEvent.values.event === e.id}>
                  {`${e.title} – ${formatDay(e.startsAt, e.timezone, language)}`}
                </option>
              ))}
            </select>
          </div>
          <ChoiceFields t={t} state={perEvent} prefix="event-" />
          <button type="submit">{t.add}</button>
        </form>
      ) : (
        <p>{t.noEvents}</p>
      )}
    </section>
  );
}
