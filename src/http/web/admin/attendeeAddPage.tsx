import type { Language, Question } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { pageMessages, type PageMessages } from "../../../i18n/pages";
import { workspaceMessages, type WorkspaceMessages } from "../../../i18n/workspace";
import type { Tally } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import { CheckboxField, ChoicesField, ErrorSummary, fieldId, SelectField, TextField, type FormState } from "../pages/fields";
import { EventLine, listPath } from "./attendeeShared";
import { formatNumber as number } from "../../../i18n/format";
import { AdminLayout, wordsFor } from "./layout";

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

// The attendee form's field parts bring their own words (`t`), in the member's language.
function QuestionField({ q, state, t }: { q: Question; state: FormState; t: PageMessages }) {
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
export function addLabels(event: EventRow, language: Language): Record<string, string> {
  const t = pageMessages(language);
  const w = workspaceMessages(language).attendees.add;
  const labels: Record<string, string> = { firstName: t.firstName, lastName: t.lastName, email: t.email, organisation: t.organisation, phone: t.phone, language: w.languageShort };
  for (const q of event.questions) labels[`answers.${q.id}`] = q.label;
  return labels;
}

function SeatState({ event, tally, w, language }: { event: EventRow; tally: Tally; w: WorkspaceMessages["attendees"]["add"]; language: Language }) {
  const full = tally.seatsLeft === 0;
  const n = (v: number) => number(v, language);
  return (
    <p class={full ? "notice wait" : "notice"}>
      {fill(w.seats, { confirmed: n(tally.confirmed), capacity: n(tally.capacity), waitlisted: n(tally.waitlisted) })}{" "}
      {full ? (event.waitlist ? w.fullWaitlist : w.fullNoWaitlist) : w.seat} {w.closedToo}
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
  const { language } = member;
  const t = pageMessages(language);
  const words = wordsFor(member).attendees;
  const w = words.add;
  return (
    <AdminLayout member={member} orgName={orgName} title={w.title} section="events">
      <EventLine event={event} language={language} />
      <h1>{w.heading}</h1>
      <SeatState event={event} tally={tally} w={w} language={language} />
      <ErrorSummary state={state} labels={addLabels(event, language)} t={t} />
      <form method="post" action={`${listPath(event.id)}/add`} class="card" novalidate>
        <div class="grid-form">
          <TextField state={state} name="firstName" label={t.firstName} t={t} required autocomplete="off" maxLength={100} />
          <TextField state={state} name="lastName" label={t.lastName} t={t} required autocomplete="off" maxLength={100} />
          <TextField state={state} name="email" label={t.email} t={t} required type="email" autocomplete="off" maxLength={254} />
          <TextField state={state} name="organisation" label={t.organisation} t={t} maxLength={200} />
          <TextField state={state} name="phone" label={t.phone} t={t} type="tel" maxLength={50} />
          <div class="field">
            <label for={fieldId("language")}>{w.language}</label>
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
            <legend>{w.answers}</legend>
            <p class="hint">{w.answersHint}</p>
            {event.questions.map((q) => (
              <QuestionField q={q} state={state} t={t} />
            ))}
          </fieldset>
        ) : null}
        <fieldset>
          <legend>{w.seatAndEmail}</legend>
          <CheckboxField state={state} name="override" label={w.override} />
          <CheckboxField state={state} name="sendEmail" label={w.sendEmail} />
        </fieldset>
        <div class="actions">
          <button type="submit">{w.submit}</button>
          <a href={listPath(event.id)}>{words.backToList}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
