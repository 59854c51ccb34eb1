import type { Tally } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { Audience, OrganiserMessage } from "../../../domain/attendees";
import { EventLine, listPath, people } from "./attendeeShared";
import { AdminLayout, ErrorSummary } from "./layout";

export interface MessageDraft {
  audience: string;
  subject: string;
  body: string;
}

interface Frame {
  member: Member;
  orgName: string;
  event: EventRow;
}

const audienceLabel: Record<Audience, string> = { confirmed: "everyone confirmed", waitlisted: "everyone on the waitlist" };

/** The message form: who, subject, text. Sending takes a second step (the preview). */
export function MessageFormPage({ member, orgName, event, tally, draft, errors = {} }: Frame & { tally: Tally; draft: MessageDraft; errors?: Record<string, string> }) {
  const invalid = (name: string) => (errors[name] ? "true" : undefined);
  return (
    <AdminLayout member={member} orgName={orgName} title="Message attendees" section="events">
      <EventLine event={event} />
      <h1>Message attendees</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${listPath(event.id)}/message`} class="card" novalidate>
        <fieldset id="f-audience">
          <legend>To</legend>
          {errors.audience ? <p class="field-error">{errors.audience}</p> : null}
          {(["confirmed", "waitlisted"] as const).map((a) => (
            <label class="choice" for={`f-audience-${a}`}>
              <input type="radio" id={`f-audience-${a}`} name="audience" value={a} checked={draft.audience === a} aria-invalid={invalid("audience")} />
              <span>
                {audienceLabel[a]} ({people(a === "confirmed" ? tally.confirmed : tally.waitlisted)})
              </span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="f-subject">Subject</label>
          {errors.subject ? <p class="field-error">{errors.subject}</p> : null}
          <input type="text" id="f-subject" name="subject" value={draft.subject} maxlength={200} required aria-invalid={invalid("subject")} />
        </div>
        <div class="field">
          <label for="f-body">Message</label>
          <p class="hint" id="f-body-hint">
            Plain text; a blank line starts a new paragraph. Each person gets it in their own email, with a greeting and their
            own link to their registration.
          </p>
          {errors.body ? <p class="field-error">{errors.body}</p> : null}
          <textarea id="f-body" name="body" rows={12} maxlength={10000} required aria-describedby="f-body-hint" aria-invalid={invalid("body")}>
            {draft.body}
          </textarea>
        </div>
        <div class="actions">
          <button type="submit" name="step" value="preview">
            Preview
          </button>
          <a href={listPath(event.id)}>Back to the list</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** What will be sent and to how many; the send button carries the checked text along, and the draft's one-time id. */
export function MessagePreviewPage({ member, orgName, event, message, recipients, draft }: Frame & { message: OrganiserMessage; recipients: number; draft: string }) {
  const paragraphs = message.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const hidden = (
    <>
      <input type="hidden" name="audience" value={message.audience} />
      <input type="hidden" name="subject" value={message.subject} />
      <input type="hidden" name="body" value={message.body} />
      <input type="hidden" name="draft" value={draft} />
    </>
  );
  return (
    <AdminLayout member={member} orgName={orgName} title="Send the message?" section="events">
      <EventLine event={event} />
      <h1>Send the message?</h1>
      <p class={recipients ? "notice" : "notice wait"}>
        {recipients
          ? `It goes to ${audienceLabel[message.audience]}: ${people(recipients)}, each in their own email.`
          : `Nobody would receive it: there is ${audienceLabel[message.audience].replace("everyone", "nobody")} right now.`}
      </p>
      <article class="card message-preview" aria-label="Preview">
        <h2>{message.subject}</h2>
        {paragraphs.map((p) => (
          <p>{p}</p>
        ))}
      </article>
      <form method="post" action={`${listPath(event.id)}/message`} class="actions">
        {hidden}
        {recipients ? (
          <button type="submit" name="step" value="send">
            Send to {people(recipients)}
          </button>
        ) : null}
        <button type="submit" name="step" value="edit" class="secondary">
          Change the message
        </button>
      </form>
    </AdminLayout>
  );
}
