import type { Tally } from "../../../domain/attendees";
import type { EventRow } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import type { OrganiserMessage } from "../../../domain/attendees";
import type { RegistrationRow } from "../../../domain/registrations";
import { isLive } from "../../../domain/signup";
import { fill } from "../../../i18n/messages";
import { EventLine, listPath, people } from "./attendeeShared";
import { AdminLayout, ErrorSummary, wordsFor } from "./layout";

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

type SelectedRow = { registration: RegistrationRow };

/** The people ticked on the list, by name, carried along as hidden ids; those no longer registered get nothing and say so. */
function Selected({ rows, member, error }: { rows: SelectedRow[]; member: Member; error?: string }) {
  const t = wordsFor(member).attendees;
  const live = rows.filter((r) => isLive(r.registration));
  return (
    <fieldset id="f-audience">
      <legend>{t.message.to}</legend>
      {error ? <p class="field-error">{error}</p> : null}
      <input type="hidden" name="audience" value="selected" />
      {rows.map((r) => (
        <input type="hidden" name="ids" value={r.registration.id} />
      ))}
      <p>{fill(t.messageTo, { people: people(live.length, member.language) })}</p>
      <ul class="recipients">
        {rows.map(({ registration: r }) => (
          <li>
            {r.name}
            {isLive(r) ? null : <span class="small"> ({t.status[r.status]})</span>}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The message form: who, subject, text. Sending takes a second step (the preview). */
export function MessageFormPage({
  member,
  orgName,
  event,
  tally,
  draft,
  selection,
  errors = {},
}: Frame & { tally: Tally; draft: MessageDraft; selection?: SelectedRow[]; errors?: Record<string, string> }) {
  const invalid = (name: string) => (errors[name] ? "true" : undefined);
  const { language } = member;
  const t = wordsFor(member).attendees.message;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="events">
      <EventLine event={event} language={language} />
      <h1>{t.title}</h1>
      <ErrorSummary errors={errors} language={language} />
      <form method="post" action={`${listPath(event.id)}/message`} class="card" novalidate>
        {selection ? (
          <Selected rows={selection} member={member} error={errors.audience} />
        ) : (
        <fieldset id="f-audience">
          <legend>{t.to}</legend>
          {errors.audience ? <p class="field-error">{errors.audience}</p> : null}
          {(["confirmed", "waitlisted"] as const).map((a) => (
            <label class="choice" for={`f-audience-${a}`}>
              <input type="radio" id={`f-audience-${a}`} name="audience" value={a} checked={draft.audience === a} aria-invalid={invalid("audience")} />
              <span>
                {t.audience[a]} ({people(a === "confirmed" ? tally.confirmed : tally.waitlisted, language)})
              </span>
            </label>
          ))}
        </fieldset>
        )}
        <div class="field">
          <label for="f-subject">{t.subject}</label>
          {errors.subject ? <p class="field-error">{errors.subject}</p> : null}
          <input type="text" id="f-subject" name="subject" value={draft.subject} maxlength={200} required aria-invalid={invalid("subject")} />
        </div>
        <div class="field">
          <label for="f-body">{t.body}</label>
          <p class="hint" id="f-body-hint">
            {t.bodyHint}
          </p>
          {errors.body ? <p class="field-error">{errors.body}</p> : null}
          <textarea id="f-body" name="body" rows={12} maxlength={10000} required aria-describedby="f-body-hint" aria-invalid={invalid("body")}>
            {draft.body}
          </textarea>
        </div>
        <div class="actions">
          <button type="submit" name="step" value="preview">
            {t.preview}
          </button>
          <a href={listPath(event.id)}>{wordsFor(member).attendees.backToList}</a>
        </div>
      </form>
    </AdminLayout>
  );
}

/** What will be sent and to how many; the send button carries the checked text along, and the draft's one-time id. */
export function MessagePreviewPage({
  member,
  orgName,
  event,
  message,
  ids,
  recipients,
  draft,
}: Frame & { message: OrganiserMessage; ids?: string[]; recipients: number; draft: string }) {
  const paragraphs = message.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const hidden = (
    <>
      <input type="hidden" name="audience" value={message.audience} />
      <input type="hidden" name="subject" value={message.subject} />
      <input type="hidden" name="body" value={message.body} />
      <input type="hidden" name="draft" value={draft} />
      {(ids ?? []).map((id) => (
        <input type="hidden" name="ids" value={id} />
      ))}
    </>
  );
  const { language } = member;
  const t = wordsFor(member).attendees.message;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.previewTitle} section="events">
      <EventLine event={event} language={language} />
      <h1>{t.previewTitle}</h1>
      <p class={recipients ? "notice" : "notice wait"}>
        {recipients
          ? fill(t.goesTo, { audience: t.audience[message.audience], people: people(recipients, language) })
          : fill(t.nobodyGets, { nobody: t.nobody[message.audience] })}
      </p>
      <article class="card message-preview" aria-label={t.previewLabel}>
        <h2>{message.subject}</h2>
        {paragraphs.map((p) => (
          <p>{p}</p>
        ))}
      </article>
      <form method="post" action={`${listPath(event.id)}/message`} class="actions">
        {hidden}
        {recipients ? (
          <button type="submit" name="step" value="send">
            {fill(t.send, { people: people(recipients, language) })}
          </button>
        ) : null}
        <button type="submit" name="step" value="edit" class="secondary">
          {t.edit}
        </button>
      </form>
    </AdminLayout>
  );
}
