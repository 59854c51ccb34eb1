import type { Member } from "../../../domain/accounts";
import type { WebhookView } from "../../../domain/webhooks";
import { fill } from "../../../i18n/messages";
import type { AdminFormState } from "./fields";
import { Instant } from "./instant";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";
import { NewSecret, StateBadge, WebhookFields, webhookPath } from "./webhookForm";

interface Props {
  member: Member;
  orgName: string;
  webhooks: WebhookView[];
  state: AdminFormState;
  /** The types ticked in the add form. */
  chosen: readonly string[];
  notice?: string;
  /** An endpoint just added: its secret shown this once. */
  created?: { secret: string };
  /** Why the add form was refused as a whole (too many endpoints). */
  refusal?: string;
}

/** Webhooks (/admin/webhooks): the organisation's endpoints, and the form that adds one. */
export function WebhooksPage({ member, orgName, webhooks, state, chosen, notice, created, refusal }: Props) {
  const t = wordsFor(member).organisation.webhooks;
  const language = member.language;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="webhooks">
      <h1>{t.title}</h1>
      <p class="hint">{t.intro}</p>
      <Notice text={notice} />
      {created ? <NewSecret secret={created.secret} heading={t.newHeading} copy={t.newCopy} t={t} /> : null}
      {webhooks.length ? (
        <div class="table-wrap">
          <table class="data cards">
            <caption class="visually-hidden">{fill(t.caption, { org: orgName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.url}</th>
                <th scope="col">{t.description}</th>
                <th scope="col">{t.types}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.created}</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((w) => (
                <tr>
                  <td>
                    <a href={webhookPath(w.id)} class="webhook-url">
                      {w.url}
                    </a>
                  </td>
                  <td data-label={t.description}>{w.description ?? "—"}</td>
                  <td data-label={t.types}>
                    {/* One box, so a phone's card keeps the list together beside its label. */}
                    <span>
                      {w.events.map((type, i) => (
                        <>
                          {i ? ", " : null}
                          <code class="small" title={t.typeLabels[type]}>
                            {type}
                          </code>
                        </>
                      ))}
                    </span>
                  </td>
                  <td data-label={t.state}>
                    <StateBadge webhook={w} t={t} />
                  </td>
                  <td data-label={t.created}>
                    <Instant at={new Date(w.createdAt)} language={language} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.none}</p>
      )}
      <form method="post" action="/admin/webhooks" class="card" novalidate>
        <h2>{t.add}</h2>
        {refusal ? (
          <p class="notice bad" role="alert">
            {refusal}
          </p>
        ) : null}
        <ErrorSummary errors={state.errors} language={language} label={(field) => (field === "events" ? t.types : undefined)} />
        <WebhookFields state={state} chosen={chosen} t={t} />
        <button type="submit">{t.addButton}</button>
      </form>
    </AdminLayout>
  );
}
