import type { Language } from "../../../db/schema";
import { workspaceMessages } from "../../../i18n/workspace";
import { Input, RadioChoice, type AdminFormState } from "./fields";

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
  return (
    <section class="card">
      <RadioChoice
        state={state}
        name="programme"
        legend={t.legend}
        hint={`${t.hint} ${t.lockedHint}`}
        options={kinds.map((kind) => [kind, t[kind], t[`${kind}Hint`]])}
      />
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
