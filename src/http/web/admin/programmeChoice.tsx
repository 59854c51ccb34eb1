import type { Language } from "../../../db/schema";
import { workspaceMessages } from "../../../i18n/workspace";
import { Input, type AdminFormState } from "./fields";

/** The event form's part for the names of its programme fields, in the summary of errors. */
export const programmeFieldLabel = (field: string, language: Language) => {
  const t = workspaceMessages(language).programme.form;
  return field === "programme" ? t.legend : field === "maxSessions" ? t.maxSessions : undefined;
};

const kinds = ["none", "choose", "package"] as const;

/**
 * How the event's sessions are booked: a group of radio buttons, each with what it means,
 * and at most how many sessions one attendee chooses. The first button carries the field's
 * id, so the summary of errors (a programme locked by registrations) links to the group.
 */
export function ProgrammeChoice({ state, language, programmeHref }: { state: AdminFormState; language: Language; programmeHref?: string }) {
  const t = workspaceMessages(language).programme.form;
  const error = state.errors.programme;
  const current = state.values.programme || "none";
  const described = ["f-programme-hint", error ? "f-programme-error" : null].filter(Boolean).join(" ");
  return (
    <section class="card">
      <fieldset class="programme-choice" aria-describedby={described}>
        <legend>
          <h2>{t.legend}</h2>
        </legend>
        <p class="hint" id="f-programme-hint">
          {t.hint} {t.lockedHint}
        </p>
        {error ? (
          <p class="field-error" id="f-programme-error">
            {error}
          </p>
        ) : null}
        {kinds.map((kind) => (
          <div class="field">
            <label class="choice">
              <input
                type="radio"
                name="programme"
                value={kind}
                id={kind === kinds[0] ? "f-programme" : `f-programme-${kind}`}
                checked={current === kind}
                aria-invalid={error ? "true" : undefined}
              />
              <span>
                {t[kind]}
                <span class="hint"> {t[`${kind}Hint`]}</span>
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <Input state={state} name="maxSessions" label={t.maxSessions} type="number" min={1} max={100} hint={t.maxSessionsHint} />
      {programmeHref ? (
        <p>
          <a href={programmeHref}>{t.openProgramme}</a>
        </p>
      ) : (
        <p class="hint">{t.sessionsLink}</p>
      )}
    </section>
  );
}
