import type { Question } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import type { EventPage } from "../../../domain/events";
import type { PageInfo } from "../layout";
import { newcomerGetsSeat } from "../../../domain/seats";
import { offersGroupChoice } from "../../../domain/signup";
import { defaultGroupMode, groupModes } from "../../../domain/schemas";
import type { SessionView } from "../../../domain/programme";
import { CheckboxField, ChoicesField, ErrorSummary, RadioField, SelectField, TextField, type FormState } from "./fields";
import { SessionChoices } from "./programme";

/** Bots fill every field they see; people never see this one. */
export const HONEYPOT = "website_url";

/** What the form asks of each colleague. */
export const colleagueFields = ["firstName", "lastName", "email"] as const;

export const colleagueRows = (groupLimit: number) => Array.from({ length: groupLimit - 1 }, (_, i) => i + 1);

/**
 * Field name → the label a person saw, for the error summary. A colleague's fields are
 * named after the colleague, as typed, or else after the row ("Kollega 2").
 */
export function fieldLabels(page: PageInfo, questions: Question[], groupLimit: number, values: FormState["values"] = {}): Record<string, string> {
  const { t } = page;
  const labels: Record<string, string> = { firstName: t.firstName, lastName: t.lastName, email: t.email, organisation: t.organisation, phone: t.phone };
  labels.groupMode = t.groupMode.legend;
  labels.sessions = t.programme.legend;
  for (const q of questions) labels[`answers.${q.id}`] = q.label;
  for (const i of colleagueRows(groupLimit)) {
    const typed = [values[`attendees.${i}.firstName`], values[`attendees.${i}.lastName`]].filter((v) => typeof v === "string" && v.trim()).join(" ");
    const who = typed || fill(t.colleague, { n: i });
    labels[`attendees.${i}.firstName`] = `${who}, ${t.firstName}`;
    labels[`attendees.${i}.lastName`] = `${who}, ${t.lastName}`;
    labels[`attendees.${i}.email`] = `${who}, ${t.email}`;
    for (const q of questions) labels[`attendees.${i}.answers.${q.id}`] = `${who}, ${q.label}`;
  }
  return labels;
}

/** One of the event's questions, for the submitter or (with `prefix`) for a colleague row. */
export function QuestionField({ q, state, page, prefix = "" }: { q: Question; state: FormState; page: PageInfo; prefix?: string }) {
  const props = { state, name: `${prefix}answers.${q.id}`, label: q.label, required: q.required ?? false, t: page.t };
  switch (q.kind) {
    case "text":
      return <TextField {...props} maxLength={500} />;
    case "textarea":
      return <TextField {...props} multiline maxLength={5000} />;
    case "select":
      return <SelectField {...props} options={q.options ?? []} />;
    case "multiselect":
      return <ChoicesField {...props} options={q.options ?? []} />;
    case "checkbox":
      return <CheckboxField state={state} name={props.name} label={q.label} required={props.required} />;
  }
}

function Colleagues({ data, state, page }: { data: EventPage; state: FormState; page: PageInfo }) {
  const { t } = page;
  const rows = colleagueRows(data.event.groupLimit);
  if (!rows.length) return null;
  // Open when the person already started on it, so kept values and errors are visible.
  const used =
    rows.some((i) => colleagueFields.some((f) => state.values[`attendees.${i}.${f}`])) ||
    Object.keys(state.errors).some((k) => k.startsWith("attendees.") || k === "groupMode");
  return (
    <details class="colleagues" open={used}>
      <summary>{plural(page.lang, t.colleaguesSummary, rows.length)}</summary>
      <p class="hint">
        {t.colleaguesHint}
        {data.event.questions.length ? ` ${t.colleaguesQuestions}` : null}
      </p>
      {rows.map((i) => (
        <fieldset class="colleague">
          <legend>{fill(t.colleague, { n: i })}</legend>
          <TextField state={state} name={`attendees.${i}.firstName`} label={t.firstName} unmarked autocomplete="off" t={t} maxLength={100} />
          <TextField state={state} name={`attendees.${i}.lastName`} label={t.lastName} unmarked autocomplete="off" t={t} maxLength={100} />
          <TextField state={state} name={`attendees.${i}.email`} label={t.email} type="email" unmarked autocomplete="off" t={t} maxLength={254} />
          {data.event.questions.map((q) => (
            <QuestionField q={q} state={state} page={page} prefix={`attendees.${i}.`} />
          ))}
        </fieldset>
      ))}
      {offersGroupChoice(data.event) ? (
        <RadioField
          state={state}
          name="groupMode"
          label={t.groupMode.legend}
          hint={t.groupMode.hint}
          fallback={defaultGroupMode}
          options={groupModes.map((m) => ({ value: m, label: t.groupMode[m] }))}
        />
      ) : null}
    </details>
  );
}

/** The registration form. Validated on the server (`novalidate`), so it works without JavaScript. */
export function SignupForm(props: {
  data: EventPage;
  state: FormState;
  page: PageInfo;
  action: string;
  turnstileSiteKey?: string;
  preview?: boolean;
  /** The programme's sessions, to choose from when the event's programme is "choose". */
  sessions?: SessionView[];
  /** The invitation token the visitor came with: sent back with the form. */
  invitation?: string;
}) {
  const { data, state, page, action } = props;
  const { t } = page;
  const { event, organisation } = data;
  const group = event.groupLimit > 1;
  return (
    <form method="post" action={action} id="signup" novalidate>
      {state.notice ? (
        <p class="notice ok" role="status">
          {state.notice}
        </p>
      ) : null}
      <ErrorSummary state={state} labels={fieldLabels(page, event.questions, event.groupLimit, state.values)} t={t} />
      {event.access === "approval" ? <p class="notice">{t.access.approval}</p> : null}
      {props.invitation ? <input type="hidden" name="invitation" value={props.invitation} /> : null}
      <TextField state={state} name="firstName" label={t.firstName} required autocomplete="given-name" t={t} maxLength={100} />
      <TextField state={state} name="lastName" label={t.lastName} required autocomplete="family-name" t={t} maxLength={100} />
      <TextField state={state} name="email" label={t.email} type="email" required autocomplete="email" hint={t.emailHint} t={t} maxLength={254} />
      <TextField state={state} name="organisation" label={t.organisation} autocomplete="organization" t={t} maxLength={200} />
      <TextField state={state} name="phone" label={t.phone} type="tel" autocomplete="tel" t={t} maxLength={50} />
      {event.questions.map((q) => (
        <QuestionField q={q} state={state} page={page} />
      ))}
      <SessionChoices sessions={props.sessions ?? []} event={event} state={state} page={page} group={group} pending={!newcomerGetsSeat(event)} />
      <Colleagues data={data} state={state} page={page} />
      {organisation.requireConsent ? (
        <CheckboxField
          state={state}
          name="consent"
          required
          label={fill(group ? t.consentGroup : t.consent, { org: organisation.name })}
          after={
            // Stored before http(s) was enforced, a link could be anything: show only web links.
            organisation.privacyUrl && /^https?:\/\//i.test(organisation.privacyUrl) ? (
              <p class="hint">
                <a href={organisation.privacyUrl} target="_blank" rel="noopener noreferrer">
                  {t.privacyLink} <span class="optional">{t.openInNewTab}</span>
                </a>
              </p>
            ) : null
          }
        />
      ) : null}
      <div class="hp" aria-hidden="true">
        <label for="f-hp">{t.honeypot}</label>
        <input type="text" id="f-hp" name={HONEYPOT} tabindex={-1} autocomplete="off" value="" />
      </div>
      {props.turnstileSiteKey ? (
        <>
          <div class="cf-turnstile" data-sitekey={props.turnstileSiteKey} data-language={page.lang}></div>
          <script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer></script>
        </>
      ) : null}
      <div class="actions">
        <button type="submit" disabled={props.preview}>
          {event.access === "approval" ? t.access.submitApplication : !newcomerGetsSeat(event) && event.waitlist ? t.submitWaitlist : t.submit}
        </button>
      </div>
    </form>
  );
}
