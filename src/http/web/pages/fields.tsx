import type { PageMessages } from "../../../i18n/pages";

/** What a form shows again after a failed submission: the values kept, the errors beside them. */
export interface FormState {
  values: Record<string, string | string[]>;
  /** Localised messages keyed by field name (`email`, `answers.lunch`, `attendees.2.email`). */
  errors: Record<string, string>;
  /** A message for the whole form (automated submission, failed human check, closed). */
  problem?: string;
  /** Information for the whole form, not a fault (someone already registered, their link sent again). */
  notice?: string;
}

export const emptyForm = (): FormState => ({ values: {}, errors: {} });

/** An element id for a field name: names may hold dots, which ids in links handle badly. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

const text = (state: FormState, name: string) => {
  const v = state.values[name];
  return typeof v === "string" ? v : "";
};

interface FieldProps {
  state: FormState;
  name: string;
  label: string;
  required?: boolean;
  /** Leave out the "(optional)" mark where a whole group is optional (colleague rows). */
  unmarked?: boolean;
  hint?: string;
  t: PageMessages;
}

function Label({ id, label, marked, t }: { id: string; label: string; marked: boolean; t: PageMessages }) {
  return (
    <label for={id}>
      {label} {marked ? <span class="optional">({t.optional})</span> : null}
    </label>
  );
}

/** The error and hint ids an input must point at with aria-describedby. */
function described(state: FormState, name: string, hint?: string) {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : null, state.errors[name] ? `${id}-error` : null].filter(Boolean);
  return { id, describedBy: ids.length ? ids.join(" ") : undefined, error: state.errors[name] };
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p class="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

function Problem({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

export function TextField(
  props: FieldProps & { type?: "text" | "email" | "tel"; autocomplete?: string; multiline?: boolean; maxLength?: number },
) {
  const { state, name, label, required, hint, t } = props;
  const { id, describedBy, error } = described(state, name, hint);
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": describedBy,
    maxlength: props.maxLength,
  };
  return (
    <div class="field">
      <Label id={id} label={label} marked={!required && !props.unmarked} t={t} />
      <Hint id={id} hint={hint} />
      <Problem id={id} error={error} />
      {props.multiline ? (
        <textarea {...common} rows={4}>
          {text(state, name)}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? "text"} autocomplete={props.autocomplete} value={text(state, name)} />
      )}
    </div>
  );
}

export function SelectField(props: FieldProps & { options: string[] }) {
  const { state, name, label, required, t } = props;
  const { id, describedBy, error } = described(state, name);
  const chosen = text(state, name);
  return (
    <div class="field">
      <Label id={id} label={label} marked={!required} t={t} />
      <Problem id={id} error={error} />
      <select id={id} name={name} required={required} aria-invalid={error ? "true" : undefined} aria-describedby={describedBy}>
        <option value="">{t.chooseOne}</option>
        {props.options.map((o) => (
          <option value={o} selected={o === chosen}>
            {o}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A multiple choice as checkboxes in a fieldset: easier on a phone than <select multiple>. */
export function ChoicesField(props: FieldProps & { options: string[] }) {
  const { state, name, label, required, t } = props;
  const { id, describedBy, error } = described(state, name);
  const chosen = new Set([state.values[name] ?? []].flat());
  return (
    <fieldset class="field" id={id} aria-describedby={describedBy}>
      <legend>
        {label} {required ? null : <span class="optional">({t.optional})</span>}
      </legend>
      <Problem id={id} error={error} />
      {props.options.map((o, i) => (
        <label class="choice" for={`${id}-${i}`}>
          <input type="checkbox" id={`${id}-${i}`} name={name} value={o} checked={chosen.has(o)} aria-invalid={error ? "true" : undefined} />
          <span>{o}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One choice of a few, as radio buttons in a fieldset; `fallback` is chosen until the person chooses. */
export function RadioField(props: Omit<FieldProps, "t" | "required"> & { options: { value: string; label: string }[]; fallback: string }) {
  const { state, name, label, hint } = props;
  const { id, describedBy, error } = described(state, name, hint);
  const chosen = text(state, name) || props.fallback;
  return (
    <fieldset class="field" id={id} aria-describedby={describedBy}>
      <legend>{label}</legend>
      <Hint id={id} hint={hint} />
      <Problem id={id} error={error} />
      {props.options.map((o, i) => (
        <label class="choice" for={`${id}-${i}`}>
          <input type="radio" id={`${id}-${i}`} name={name} value={o.value} checked={o.value === chosen} aria-invalid={error ? "true" : undefined} />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One checkbox whose label is the question (or the consent text) itself. */
export function CheckboxField(props: Omit<FieldProps, "t"> & { after?: unknown }) {
  const { state, name, label, required } = props;
  const { id, describedBy, error } = described(state, name);
  return (
    <div class="field">
      <Problem id={id} error={error} />
      <label class="choice" for={id}>
        <input
          type="checkbox"
          id={id}
          name={name}
          value="yes"
          checked={text(state, name) === "yes"}
          required={required}
          aria-invalid={error ? "true" : undefined}
          aria-describedby={describedBy}
        />
        <span>{label}</span>
      </label>
      {props.after}
    </div>
  );
}

/** The summary at the top: every problem, each linking to its field. */
export function ErrorSummary({ state, labels, t }: { state: FormState; labels: Record<string, string>; t: PageMessages }) {
  const entries = Object.entries(state.errors);
  if (!entries.length && !state.problem) return null;
  return (
    // autofocus: with no script, this is how focus reaches the problems after a reload.
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary" autofocus>
      <h2 id="error-summary-title">{t.errorSummary}</h2>
      {state.problem ? <p>{state.problem}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map(([name, message]) => (
            <li>
              <a href={`#${fieldId(name)}`}>
                {labels[name] ? `${labels[name]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
