import type { Language } from "../../../db/schema";
import { workspaceMessages } from "../../../i18n/workspace";
import { Checkbox, Input, type AdminFormState } from "./fields";

/** The event form's part for the names of its access fields, in the summary of errors. */
export const accessFieldLabel = (field: string, language: Language) => {
  const t = workspaceMessages(language).access.form;
  return field === "access" ? t.legend : field === "listed" ? t.listed : field === "companyQuota" ? t.companyQuota : undefined;
};

const kinds = ["public", "invitation", "approval"] as const;

/**
 * Who may sign up: radio buttons, each with what it means; whether the event is on the
 * organisation's public lists; and at most how many registrations one company takes. The
 * first button carries the field's id, so the summary of errors links to the group.
 */
export function AccessChoice({ state, language }: { state: AdminFormState; language: Language }) {
  const t = workspaceMessages(language).access.form;
  const error = state.errors.access;
  const current = state.values.access || "public";
  const described = ["f-access-hint", error ? "f-access-error" : null].filter(Boolean).join(" ");
  return (
    <section class="card">
      <fieldset class="programme-choice" aria-describedby={described}>
        <legend>
          <h2>{t.legend}</h2>
        </legend>
        <p class="hint" id="f-access-hint">
          {t.hint}
        </p>
        {error ? (
          <p class="field-error" id="f-access-error">
            {error}
          </p>
        ) : null}
        {kinds.map((kind) => (
          <div class="field">
            <label class="choice">
              <input
                type="radio"
                name="access"
                value={kind}
                id={kind === kinds[0] ? "f-access" : `f-access-${kind}`}
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
      <Checkbox state={state} name="listed" label={t.listed} hint={t.listedHint} />
      <Input state={state} name="companyQuota" label={t.companyQuota} type="number" min={1} max={1000} hint={t.companyQuotaHint} />
    </section>
  );
}
