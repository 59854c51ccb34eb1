import type { PageInfo } from "../layout";
import { ErrorSummary, TextField, type FormState } from "./fields";

/** The form's fields, named apart from the details form's on the same page. */
export const substituteFields = ["firstName", "lastName", "email", "organisation"] as const;
export const substituteName = (field: string) => `substitute.${field}`;

/**
 * "Send a colleague in my place": closed until opened, and open again with the errors
 * beside the fields when the last try was refused.
 */
export function SubstituteCard({ page, action, state }: { page: PageInfo; action: string; state: FormState }) {
  const { t } = page;
  const s = t.substitute;
  const labels = { firstName: t.firstName, lastName: t.lastName, email: t.email, organisation: t.organisation };
  const named = Object.fromEntries(Object.entries(labels).map(([k, v]) => [substituteName(k), v]));
  const open = Object.keys(state.errors).length > 0;
  return (
    <section class="card" aria-labelledby="substitute-title">
      <details open={open}>
        <summary>
          <h2 id="substitute-title" style="display:inline">
            {s.heading}
          </h2>
        </summary>
        <p>{s.text}</p>
        <form method="post" action={action} novalidate>
          <ErrorSummary state={state} labels={named} t={t} />
          <TextField state={state} name={substituteName("firstName")} label={t.firstName} required t={t} maxLength={100} />
          <TextField state={state} name={substituteName("lastName")} label={t.lastName} required t={t} maxLength={100} />
          <TextField state={state} name={substituteName("email")} label={t.email} type="email" required hint={s.emailHint} t={t} maxLength={254} />
          <TextField state={state} name={substituteName("organisation")} label={t.organisation} t={t} maxLength={200} />
          <div class="actions">
            <button type="submit">{s.button}</button>
          </div>
        </form>
      </details>
    </section>
  );
}
