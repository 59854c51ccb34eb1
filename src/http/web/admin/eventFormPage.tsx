import type { Member } from "../../../domain/accounts";
import { BLANK_QUESTIONS, questionRows } from "./eventForm";
import { Checkbox, Input, Select, TextArea, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary } from "./layout";
import { assetUrl } from "../assets";

// The zones the clusters use first, then every zone the runtime knows, by name.
const nearby = ["Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki", "Europe/Berlin", "Europe/London", "UTC"];
const everyZone = Intl.supportedValuesOf("timeZone").filter((z) => !nearby.includes(z));
const zoneOptions = (current: string | undefined): [string, string][] => [
  ...nearby.map((z): [string, string] => [z, z.replace("_", " ")]),
  // A zone saved before (or typed into an old form) that the list lacks stays choosable.
  ...(current && !nearby.includes(current) && !everyZone.includes(current) ? [[current, current] as [string, string]] : []),
  ...everyZone.map((z): [string, string] => [z, z.replaceAll("_", " ")]),
];

/** The form's labels by field, so that the summary of errors names the field of each. */
export function eventFieldLabel(field: string): string | undefined {
  const question = /^questions\.(\d+)\.(\w+)$/.exec(field);
  if (question) return `Question ${Number(question[1]) + 1}, ${questionLabels[question[2]!] ?? question[2]}`;
  return eventLabels[field];
}
const eventLabels: Record<string, string> = {
  title: "Title",
  description: "Description",
  slug: "Web address",
  startsAt: "Starts",
  endsAt: "Ends",
  timezone: "Time zone",
  venue: "Venue",
  address: "Address",
  onlineUrl: "Online join link",
  capacity: "Seats",
  groupLimit: "People per signup",
  language: "Language",
  status: "Visibility",
  registrationOpensAt: "Registration opens",
  registrationClosesAt: "Registration closes",
  waitlistMode: "When a seat is freed",
  offerMinutes: "Minutes an offer holds the seat",
};
const questionLabels: Record<string, string> = { label: "question", kind: "kind of answer", options: "choices", id: "question" };

const kinds: [string, string][] = [
  ["text", "Short text"],
  ["textarea", "Long text"],
  ["select", "One choice"],
  ["multiselect", "Several choices"],
  ["checkbox", "Yes/no checkbox"],
];

function QuestionRow({ state, i, existing }: { state: AdminFormState; i: number; existing: boolean }) {
  const p = `questions.${i}`;
  return (
    <fieldset class="question card">
      <legend>{existing ? `Question ${i + 1}` : "New question"}</legend>
      <input type="hidden" name={`${p}.id`} value={state.values[`${p}.id`] ?? ""} />
      <div class="grid-form">
        <Input state={state} name={`${p}.label`} label="Question" />
        <Select state={state} name={`${p}.kind`} label="Kind of answer" options={kinds} />
        <TextArea state={state} name={`${p}.options`} label="Choices (one per line)" hint="Only for one choice or several choices." rows={3} />
        <div>
          <Checkbox state={state} name={`${p}.required`} label="An answer is required" />
          {existing ? <Checkbox state={state} name={`${p}.remove`} label="Remove this question" hint="Answers already given stay in the exports." /> : null}
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
}

/** Create, edit and duplicate share this form: everything the API allows. */
export function EventFormPage(p: EventFormProps) {
  const { state } = p;
  const filled = questionRows(state.values);
  const rows = filled + (p.blankRows ?? BLANK_QUESTIONS);
  return (
    <AdminLayout member={p.member} orgName={p.orgName} title={p.title} section="events" scripts={[assetUrl["admin.js"]]}>
      <div class="page-head">
        <h1>{p.title}</h1>
        <a href="/admin">Back to events</a>
      </div>
      {p.intro ? <p class="notice">{p.intro}</p> : null}
      <ErrorSummary errors={state.errors} label={eventFieldLabel} />
      <form method="post" action={p.action} novalidate>
        <section class="card">
          <h2>About the event</h2>
          <Input state={state} name="title" label="Title" required />
          <TextArea state={state} name="description" label="Description" rows={6} hint="Plain text; blank lines start new paragraphs." />
          <Input state={state} name="slug" label="Web address" hint="Lower-case letters, digits and dashes, e.g. leankonferens-2027. Left blank, it is made from the title." />
        </section>
        <section class="card">
          <h2>When and where</h2>
          <div class="grid-form">
            <Input state={state} name="startsAt" label="Starts" type="datetime-local" required />
            <Input state={state} name="endsAt" label="Ends" type="datetime-local" required hint="Suggested from the start; change it as you like." />
            <Select state={state} name="timezone" label="Time zone" options={zoneOptions(state.values.timezone)} hint="Times above are in this zone." />
          </div>
          {/* Filled by the page's script as the times are typed (see adminScript.ts). */}
          <p id="f-endsAt-check" class="field-error" role="status" hidden>
            The end is before the start: make it later.
          </p>
          <div class="grid-form">
            <Input state={state} name="venue" label="Venue" />
            <Input state={state} name="address" label="Address" />
          </div>
          <Input state={state} name="onlineUrl" label="Online join link" type="url" hint="Sent only to confirmed attendees." />
        </section>
        <section class="card">
          <h2>Registration</h2>
          <div class="grid-form">
            <Input state={state} name="capacity" label="Seats" type="number" min={0} required />
            <Input state={state} name="groupLimit" label="People per signup" type="number" min={1} max={20} hint="A submitter may register colleagues, up to this many in all." />
            <Select state={state} name="language" label="Language of the page and emails" options={[["sv", "Svenska"], ["en", "English"], ["nb", "Norsk bokmål"]]} />
            <Select state={state} name="status" label="Visibility" options={[["published", "Published: open for signups"], ["draft", "Draft: hidden"]]} />
            <Input state={state} name="registrationOpensAt" label="Registration opens" type="datetime-local" hint="Blank: open now." />
            <Input state={state} name="registrationClosesAt" label="Registration closes" type="datetime-local" hint="Blank: until the event starts." />
          </div>
          <Checkbox state={state} name="waitlist" label="Keep a waitlist when full" hint="Freed seats go to the waitlist in arrival order." />
          <div class="grid-form">
            <Select
              state={state}
              name="waitlistMode"
              label="When a seat is freed"
              options={[["auto", "Give it to the first person waiting at once"], ["offer", "Offer it to the first person waiting, for a time"]]}
            />
            <Input
              state={state}
              name="offerMinutes"
              label="Minutes an offer holds the seat"
              type="number"
              min={1}
              max={10080}
              hint="1440 is a day, 10080 a week. Offers end an hour before the start at the latest; from then on a freed seat is confirmed at once."
            />
          </div>
        </section>
        <section>
          <h2>Questions to attendees</h2>
          {Array.from({ length: rows }, (_, i) => (
            <QuestionRow state={state} i={i} existing={i < p.savedQuestions} />
          ))}
          <input type="hidden" name="blankRows" value={String(rows - filled)} />
          <button type="submit" name="more" value="yes" class="secondary">
            Add more questions
          </button>
        </section>
        <div class="actions">
          <button type="submit">{p.submitLabel}</button>
          <a href="/admin">Cancel</a>
        </div>
      </form>
      {p.snippet ? (
        <section class="card">
          <h2>Embed the form on your site</h2>
          <p id="embed-snippet-hint">Paste this where the form should appear. Your site's address must be listed under Settings → embed origins.</p>
          <label for="embed-snippet">HTML snippet</label>
          <textarea id="embed-snippet" readonly rows={4} aria-describedby="embed-snippet-hint">
            {p.snippet}
          </textarea>
          <p>
            <button type="button" class="secondary" data-copy="embed-snippet" hidden>
              Copy the snippet
            </button>
          </p>
        </section>
      ) : null}
    </AdminLayout>
  );
}
