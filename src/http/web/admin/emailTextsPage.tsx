import type { Member } from "../../../domain/accounts";
import type { EventRow } from "../../../domain/events";
import { emailTextKinds } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import type { EmailPreview } from "../../../mail/preview";
import { listPath } from "./attendeeShared";
import { TextArea, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";

const languages = ["sv", "nb", "en"] as const;

/** The form's field for one kind of email in one language: `confirmed.sv`. */
export const textField = (kind: string, language: string) => `${kind}.${language}`;

export interface EmailTextsPageProps {
  member: Member;
  orgName: string;
  event: EventRow;
  state: AdminFormState;
  /** After *Preview*: the emails as they will read; saving is offered with them. */
  previews?: EmailPreview[];
  notice?: string;
}

function Previews({ previews, member }: { previews: EmailPreview[]; member: Member }) {
  const t = wordsFor(member).events.emails;
  return (
    <section class="card" aria-labelledby="previews">
      <h2 id="previews">{t.previewHeading}</h2>
      {previews.length ? <p>{fill(t.previewIntro, { name: t.sampleName })}</p> : <p>{t.previewNone}</p>}
      {previews.map((p) => (
        <article class="email-preview" lang={p.language}>
          <h3 lang={member.language}>{fill(t.previewFor, { kind: t.kinds[p.kind], language: t.languages[p.language] })}</h3>
          <p>
            <strong lang={member.language}>{t.subject}:</strong> {p.subject}
          </p>
          <pre class="email-text">{p.text}</pre>
        </article>
      ))}
    </section>
  );
}

/** An event's own paragraphs in its emails: one text area per kind and language, previewed before saving. */
export function EmailTextsPage({ member, orgName, event, state, previews, notice }: EmailTextsPageProps) {
  const t = wordsFor(member).events.emails;
  const base = listPath(event.id);
  const label = (field: string) => {
    const [kind, language] = field.split(".") as [keyof typeof t.kinds, keyof typeof t.languages];
    return t.kinds[kind] ? `${t.kinds[kind]} ${t.languages[language] ?? ""}`.trim() : undefined;
  };
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.title, { event: event.title })} section="events">
      <p class="small">
        <a href={base}>{t.back}</a>
      </p>
      <h1>{t.heading}</h1>
      <p class="event-when">
        <strong>{event.title}</strong>
      </p>
      <Notice text={notice} />
      <p>{t.intro}</p>
      {previews ? <Previews previews={previews} member={member} /> : null}
      <ErrorSummary errors={state.errors} label={label} language={member.language} />
      <form method="post" action={`${base}/emails`} novalidate>
        {emailTextKinds.map((kind) => (
          <fieldset>
            <legend>{t.kinds[kind]}</legend>
            {languages.map((language) => (
              <TextArea state={state} name={textField(kind, language)} label={t.languageLabels[language]} hint={t.hint} rows={3} />
            ))}
          </fieldset>
        ))}
        <p class="actions">
          <button type="submit" name="step" value="preview" class={previews ? "secondary" : undefined}>
            {t.preview}
          </button>
          {previews ? (
            <button type="submit" name="step" value="save">
              {t.save}
            </button>
          ) : null}
        </p>
      </form>
    </AdminLayout>
  );
}
