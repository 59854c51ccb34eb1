import type { Member } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { workspaceMessages, type WorkspaceMessages } from "../../../i18n/workspace";
import { BLANK_QUESTIONS, questionRows, translatedFields, translatedLanguages } from "./eventForm";
import { Checkbox, Input, Select, TextArea, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, wordsFor } from "./layout";
import { assetUrl } from "../assets";
import { ProgrammeChoice, programmeFieldLabel } from "./programmeChoice";
import { AccessChoice, accessFieldLabel } from "./eventFormAccess";

// The zones the clusters use first, then every zone the runtime knows, by name.
const nearby = ["Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Berlin", "Europe/London", "UTC"];
const everyZone = Intl.supportedValuesOf("timeZone").filter((z) => !nearby.includes(z));
const zoneOptions = (current: string | undefined): [string, string][] => [
  ...nearby.map((z): [string, string] => [z, z.replace("_", " ")]),
  // A zone saved before (or typed into an old form) that the list lacks stays choosable.
  ...(current && !nearby.includes(current) && !everyZone.includes(current) ? [[current, current] as [string, string]] : []),
  ...everyZone.map((z): [string, string] => [z, z.replaceAll("_", " ")]),
];

type Words = WorkspaceMessages["events"]["form"];

/** The form's labels by field in the reader's language, so that the summary of errors names the field of each. */
export function eventFieldLabel(field: string, language: Language = "en"): string | undefined {
  const words = workspaceMessages(language);
  const t = words.events.form;
  const translated = /^translations\.(sv|en|nb)\.(title|description|venue|address)$/.exec(field);
  if (translated)
    return fill(t.translationField, { language: words.shell.languageNames[translated[1] as Language], field: t.labels[translated[2] as keyof Words["labels"]].toLowerCase() });
  const question = /^questions\.(\d+)\.(\w+)$/.exec(field);
  if (question) {
    const part = question[2]!;
    return fill(t.questionField, { n: Number(question[1]) + 1, part: t.questionParts[part as keyof Words["questionParts"]] ?? part });
  }
  return t.labels[field as keyof Words["labels"]] ?? programmeFieldLabel(field, language) ?? accessFieldLabel(field, language);
}

const kinds = (t: Words): [string, string][] => [
  ["text", t.kinds.text],
  ["textarea", t.kinds.textarea],
  ["select", t.kinds.select],
  ["multiselect", t.kinds.multiselect],
  ["checkbox", t.kinds.checkbox],
];

function QuestionRow({ state, i, existing, t }: { state: AdminFormState; i: number; existing: boolean; t: Words }) {
  const p = `questions.${i}`;
  return (
    <fieldset class="question card">
      <legend>{existing ? fill(t.questionN, { n: i + 1 }) : t.newQuestion}</legend>
      <input type="hidden" name={`${p}.id`} value={state.values[`${p}.id`] ?? ""} />
      <div class="grid-form">
        <Input state={state} name={`${p}.label`} label={t.question} />
        <Select state={state} name={`${p}.kind`} label={t.kind} options={kinds(t)} />
        <TextArea state={state} name={`${p}.options`} label={t.options} hint={t.optionsHint} rows={3} />
        <div>
          <Checkbox state={state} name={`${p}.required`} label={t.required} />
          {existing ? <Checkbox state={state} name={`${p}.remove`} label={t.remove} hint={t.removeHint} /> : null}
        </div>
      </div>
    </fieldset>
  );
}

export interface EventFormProps {
  member: Member;
  orgName: string;
  title: string;
  action: string;
  state: AdminFormState;
  /** How many of the question rows are saved questions (the rest are blank). */
  savedQuestions: number;
  submitLabel: string;
  intro?: string;
  /** The embed snippet of a saved event, for the organisation's own site. */
  snippet?: string;
  /** Blank question rows to add below the filled ones. */
  blankRows?: number;
  /** A saved event's cover: where it is changed, and the image if there is one. */
  cover?: { href: string; path: string | null };
  /** A saved event's programme page. */
  programmeHref?: string;
}

/**
 * "Other languages": each language's name, description, venue and address, folded away
 * (most events have one language). Open when something is filled in or wrong.
 */
function OtherLanguages({ state, t, names }: { state: AdminFormState; t: Words; names: Record<Language, string> }) {
  const open = Object.entries(state.values).some(([k, v]) => k.startsWith("translations.") && v.trim()) || Object.keys(state.errors).some((k) => k.startsWith("translations."));
  return (
    <details class="card" open={open || undefined}>
      <summary>
        <h2>{t.otherLanguages}</h2>
      </summary>
      <p class="hint">{t.otherLanguagesHint}</p>
      {translatedLanguages.map((lang) => (
        <fieldset>
          <legend>{names[lang]}</legend>
          {translatedFields.map((field) => {
            const name = `translations.${lang}.${field}`;
            const label = fill(t.translationField, { language: names[lang], field: t.labels[field].toLowerCase() });
            return field === "description" ? <TextArea state={state} name={name} label={label} rows={4} /> : <Input state={state} name={name} label={label} />;
          })}
        </fieldset>
      ))}
    </details>
  );
}

/** Create, edit and duplicate share this form: everything the API allows. */
export function EventFormPage(p: EventFormProps) {
  const { state } = p;
  const filled = questionRows(state.values);
  const rows = filled + (p.blankRows ?? BLANK_QUESTIONS);
  const language = p.member.language;
  const words = wordsFor(p.member);
  const t = words.events.form;
  const l = t.labels;
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title={p.title} section="events" scripts={[assetUrl["admin.js"]]}>
      <div class="page-head">
        <h1>{p.title}</h1>
        <a href="/admin">{t.back}</a>
      </div>
      {p.intro ? <p class="notice">{p.intro}</p> : null}
      <ErrorSummary errors={state.errors} label={(field) => eventFieldLabel(field, language)} language={language} />
      <form method="post" action={p.action} novalidate>
        <section class="card">
          <h2>{t.about}</h2>
          <Input state={state} name="title" label={l.title} required />
          <TextArea state={state} name="description" label={l.description} rows={6} hint={t.descriptionHint} />
          <Input state={state} name="slug" label={l.slug} hint={t.slugHint} />
        </section>
        <section class="card">
          <h2>{t.whenWhere}</h2>
          <div class="grid-form">
            <Input state={state} name="startsAt" label={l.startsAt} type="datetime-local" required />
            <Input state={state} name="endsAt" label={l.endsAt} type="datetime-local" required hint={t.endsHint} />
            <Select state={state} name="timezone" label={l.timezone} options={zoneOptions(state.values.timezone)} hint={t.timezoneHint} />
          </div>
          {/* Filled by the page's script as the times are typed (see adminScript.ts). */}
          <p id="f-endsAt-check" class="field-error" role="status" hidden>
            {t.endBeforeStart}
          </p>
          <div class="grid-form">
            <Input state={state} name="venue" label={l.venue} />
            <Input state={state} name="address" label={l.address} />
          </div>
          <Input state={state} name="onlineUrl" label={l.onlineUrl} type="url" hint={t.onlineHint} />
        </section>
        <section class="card">
          <h2>{t.registration}</h2>
          <div class="grid-form">
            <Input state={state} name="capacity" label={l.capacity} type="number" min={0} required />
            <Input state={state} name="groupLimit" label={l.groupLimit} type="number" min={1} max={20} hint={t.groupLimitHint} />
            <Select state={state} name="language" label={t.languageLabel} options={[["sv", words.shell.languageNames.sv], ["en", words.shell.languageNames.en], ["nb", words.shell.languageNames.nb]]} />
            <Select state={state} name="status" label={l.status} options={[["published", t.visibility.published], ["draft", t.visibility.draft]]} />
            <Input state={state} name="registrationOpensAt" label={l.registrationOpensAt} type="datetime-local" hint={t.opensHint} />
            <Input state={state} name="registrationClosesAt" label={l.registrationClosesAt} type="datetime-local" hint={t.closesHint} />
          </div>
          <Checkbox state={state} name="waitlist" label={t.waitlist} hint={t.waitlistHint} />
          <div class="grid-form">
            <Select
              state={state}
              name="waitlistMode"
              label={l.waitlistMode}
              options={[["auto", t.waitlistModes.auto], ["offer", t.waitlistModes.offer]]}
            />
            <Input
              state={state}
              name="offerMinutes"
              label={l.offerMinutes}
              type="number"
              min={1}
              max={10080}
              hint={t.offerHint}
            />
          </div>
        </section>
        <AccessChoice state={state} language={language} />
        <ProgrammeChoice state={state} language={language} programmeHref={p.programmeHref} />
        <OtherLanguages state={state} t={t} names={words.shell.languageNames} />
        <section>
          <h2>{t.questions}</h2>
          {Array.from({ length: rows }, (_, i) => (
            <QuestionRow state={state} i={i} existing={i < p.savedQuestions} t={t} />
          ))}
          <input type="hidden" name="blankRows" value={String(rows - filled)} />
          <button type="submit" name="more" value="yes" class="secondary">
            {t.moreQuestions}
          </button>
        </section>
        {/* A copy takes the original's cover along (see copyCover). */}
        {state.values.coverFrom ? <input type="hidden" name="coverFrom" value={state.values.coverFrom} /> : null}
        <div class="actions">
          <button type="submit">{p.submitLabel}</button>
          <a href="/admin">{t.cancel}</a>
        </div>
      </form>
      {p.cover ? (
        <section class="card" aria-labelledby="cover-link-heading">
          <h2 id="cover-link-heading">{words.events.cover.link}</h2>
          {p.cover.path ? (
            <p class="cover-current">
              <img src={p.cover.path} alt="" />
            </p>
          ) : null}
          <p>
            <a href={p.cover.href}>{words.events.cover.linkHint}</a>
          </p>
        </section>
      ) : null}
      {p.snippet ? (
        <section class="card">
          <h2>{t.embed}</h2>
          <p id="embed-snippet-hint">{t.embedHint}</p>
          <label for="embed-snippet">{t.snippet}</label>
          <textarea id="embed-snippet" readonly rows={4} aria-describedby="embed-snippet-hint">
            {p.snippet}
          </textarea>
          <p>
            <button type="button" class="secondary" data-copy="embed-snippet" data-copied={words.shell.copied} data-copy-failed={words.shell.copyFailed} hidden>
              {t.copySnippet}
            </button>
          </p>
        </section>
      ) : null}
    </AdminLayout>
  );
}
