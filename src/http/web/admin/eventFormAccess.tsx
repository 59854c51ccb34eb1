import type { Language } from "../../../db/schema";
import { workspaceMessages } from "../../../i18n/workspace";
import { Checkbox, Input, RadioChoice, type AdminFormState } from "./fields";

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
  return (
    <section class="card">
      <RadioChoice
        state={state}
        name="access"
        legend={t.legend}
        hint={t.hint}
        options={kinds.map((kind) => [kind, t[kind], t[`${kind}Hint`]])}
      />
      <Checkbox state={state} name="listed" label={t.listed} hint={t.listedHint} />
      <Input state={state} name="companyQuota" label={t.companyQuota} type="number" min={1} max={1000} hint={t.companyQuotaHint} />
    </section>
  );
}
