import type { Question } from "../../../db/schema";
import { pageMessages } from "../../../i18n/pages";
import type { Tally } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import { CheckboxField, ChoicesField, ErrorSummary, fieldId, SelectField, TextField, type FormState } from "../pages/fields";
import { EventLine, listPath } from "./attendeeShared";
import { AdminLayout } from "./layout";

// The workspace is in English; the attendee form's field parts bring their own words.
const t = pageMessages("en");

const languages = [
  ["sv", "Svenska"],
  ["en", "English"],
  ["nb", "Norsk"],
] as const;

/** A fresh form: the event's language, and the confirmation email on. */
export const newAttendeeForm = (event: EventRow): FormState => ({
  values: { language: event.language, sendEmail: "yes" },
  errors: {},
});

function QuestionField({ q, state }: { q: Question; state: FormState }) {
  const name = `answers.${q.id}`;
  switch (q.kind) {
    case "select":
      return <SelectField state={state} name={name} label={q.label} t={t} options={q.options ?? []} />;
    case "multiselect":
      return <ChoicesField state={state} name={name} label={q.label} t={t} options={q.options ?? []} />;
    case "checkbox":
      return <CheckboxField state={state} name={name} label={q.label} />;
    default:
      return <TextField state={state} name={name} label={q.label} t={t} multiline={q.kind === "textarea"} maxLength={q.kind === "text" ? 500 : 5000} />;
  }
}

/** Field name → label, for the error summary. */
export function addLabels(event: EventRow): Record<string, string> {
  const labels: Record<string, string> = { name: "Name", email: "Email", organisation: "Organisation", phone: "Phone", language: "Language" };
  for (const q of event.questions) labels[`answers.${q.id}`] = q.label;
  return labels;
}

function SeatState({ event, tally }: { event: EventRow; tally: Tally }) {
  const full = tally.seatsLeft === 0;
  return (
    <p class={full ? "notice wait" : "notice"}>
      {tally.confirmed} of {tally.capacity} seats taken, {tally.waitlisted} waiting.{" "}
      {full
        ? event.waitlist
          ? "The event is full: a new person goes on the waitlist unless you seat them beyond capacity."
          : "The event is full and has no waitlist: tick “Seat beyond capacity” to add someone."
        : "A new person gets a seat."}{" "}
      This works even when registration is closed.
    </p>
  );
}

/** Add someone by hand: the attendee form's fields plus the organiser's two choices. */
export function AddAttendeePage({
  member,
  orgName,
  event,
  tally,
  state,
}: {
  member: Member;
  orgName: string;
  event: EventRow;
  tally: Tally;
  state: FormState;
}) {
  const chosen = typeof state.values.language === "string" ? state.values.language : event.language;
  return (
    <AdminLayout member={member} orgName={orgName} title="Add attendee" section="events">
      <EventLine event={event} />
      <h1>Add an attendee</h1>
      <SeatState event={event} tally={tally} />
      <ErrorSummary state={state} labels={addLabels(event)} t={t} />
      <form method="post" action={`${listPath(event.id)}/add`} class="card" novalidate>
        <div class="grid-form">
          <TextField state={state} name="name" label="Name" t={t} required autocomplete="off" maxLength={200} />
          <TextField state={state} name="email" label="Email" t={t} required type="email" autocomplete="off" maxLength={254} />
          <TextField state={state} name="organisation" label="Organisation" t={t} maxLength={200} />
          <TextField state={state} name="phone" label="Phone" t={t} type="tel" maxLength={50} />
          <div class="field">
            <label for={fieldId("language")}>Language of their emails</label>
            <select id={fieldId("language")} name="language">
              {languages.map(([code, label]) => (
                <option value={code} selected={code === chosen}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        {event.questions.length ? (
          <fieldset>
            <legend>Answers</legend>
            <p class="hint">All optional here, even where the public form requires an answer.</p>
            {event.questions.map((q) => (
              <QuestionField q={q} state={state} />
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>Seat and email</legend>
          <CheckboxField
            state={state}
            name="override"
            label="Seat beyond capacity if the event is full (recorded as an override in the audit log)"
          />
          <CheckboxField state={state} name="sendEmail" label="Send the confirmation email (or their waitlist place)" />
        </fieldset>
        <div class="actions">
          <button type="submit">Add attendee</button>
          <a href={listPath(event.id)}>Back to the list</a>
        </div>
      </form>
    </AdminLayout>
  );
}
