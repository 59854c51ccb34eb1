import type { Child } from "hono/jsx";

/** What a workspace form shows again after a failed submission. */
export interface AdminFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const blankState = (values: Record<string, string> = {}): AdminFormState => ({ values, errors: {} });

interface Props {
  state: AdminFormState;
  name: string;
  label: string;
  hint?: Child;
  required?: boolean;
  class?: string;
}

/** Label, hint, error and control of one field, wired with ids the error summary links to. */
function Field({ state, name, label, hint, class: cls, children }: Props & { children: Child }) {
  const id = `f-${name}`;
  return (
    <div class={cls ? `field ${cls}` : "field"}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {state.errors[name] ? (
        <p class="field-error" id={`${id}-error`}>
          {state.errors[name]}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const aria = (state: AdminFormState, name: string, hint?: Child) => {
  const id = `f-${name}`;
  const by = [hint ? `${id}-hint` : null, state.errors[name] ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, name, "aria-invalid": state.errors[name] ? ("true" as const) : undefined, "aria-describedby": by || undefined };
};

export function Input(props: Props & { type?: string; min?: number; max?: number; list?: string; autocomplete?: string; accept?: string }) {
  const { state, name, hint, required, type = "text" } = props;
  return (
    <Field {...props}>
      <input
        {...aria(state, name, hint)}
        type={type}
        value={type === "file" ? undefined : (state.values[name] ?? "")}
        required={required}
        min={props.min}
        max={props.max}
        list={props.list}
        autocomplete={props.autocomplete}
        accept={props.accept}
      />
    </Field>
  );
}

export function TextArea(props: Props & { rows?: number }) {
  const { state, name, hint, required } = props;
  return (
    <Field {...props}>
      <textarea {...aria(state, name, hint)} rows={props.rows ?? 4} required={required}>
        {state.values[name] ?? ""}
      </textarea>
    </Field>
  );
}

export function Select(props: Props & { options: [value: string, label: string][] }) {
  const { state, name, hint } = props;
  return (
    <Field {...props}>
      <select {...aria(state, name, hint)}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={state.values[name] === value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({ state, name, label, hint }: Props) {
  return (
    <div class="field">
      <label class="choice">
        <input type="checkbox" id={`f-${name}`} name={name} value="yes" checked={state.values[name] === "yes"} />
        <span>
          {label}
          {hint ? <span class="hint"> {hint}</span> : null}
        </span>
      </label>
    </div>
  );
}

/**
 * One choice of several, as radio buttons each with what it means (`options`: value, label,
 * hint), in a fieldset whose legend is a heading. The first button carries the field's id,
 * so the summary of errors links to the group.
 */
export function RadioChoice({ state, name, legend, hint, options }: { state: AdminFormState; name: string; legend: string; hint: Child; options: [value: string, label: string, hint: string][] }) {
  const id = `f-${name}`;
  const error = state.errors[name];
  const current = state.values[name] || options[0]![0];
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset class="programme-choice" aria-describedby={described}>
      <legend>
        <h2>{legend}</h2>
      </legend>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.map(([value, label, explained], i) => (
        <div class="field">
          <label class="choice">
            <input type="radio" name={name} value={value} id={i === 0 ? id : `${id}-${value}`} checked={current === value} aria-invalid={error ? "true" : undefined} />
            <span>
              {label}
              <span class="hint"> {explained}</span>
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
