import type { Member } from "../../../domain/accounts";
import type { WebhookView } from "../../../domain/webhooks";
import { fill } from "../../../i18n/messages";
import type { AdminFormState } from "./fields";
import { Instant, utcText } from "./instant";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";
import { DeliveryLogSection, type DeliveryLog } from "./webhookDeliveries";
import { NewSecret, StateBadge, WebhookFields, webhookPath, type WebhookWords } from "./webhookForm";

interface Props {
  member: Member;
  orgName: string;
  webhook: WebhookView;
  log: DeliveryLog;
  /** The edit form: the endpoint as it is, or what was sent and refused. */
  state: AdminFormState;
  chosen: readonly string[];
  notice?: string;
  /** A secret just rotated in: shown this once. */
  rotated?: { secret: string };
}

/** Active, or since when and why not. */
function StateLine({ webhook, t, member }: { webhook: WebhookView; t: WebhookWords; member: Member }) {
  if (webhook.enabled || !webhook.disabledAt) return <StateBadge webhook={webhook} t={t} />;
  const at = utcText(new Date(webhook.disabledAt), member.language);
  return (
    <>
      <StateBadge webhook={webhook} t={t} /> {fill(webhook.disabledReason === "failing" ? t.disabledSince : t.pausedSince, { at })}
    </>
  );
}

/** Pause or enable, and rotate the secret: one button each, each its own form. */
function Actions({ webhook, t, member }: { webhook: WebhookView; t: WebhookWords; member: Member }) {
  const path = webhookPath(webhook.id);
  const overlap = webhook.previousSecretExpiresAt;
  return (
    <section class="card" aria-labelledby="webhook-actions">
      <h2 id="webhook-actions" class="visually-hidden">
        {t.state}
      </h2>
      <form method="post" action={`${path}/${webhook.enabled ? "pause" : "enable"}`}>
        {webhook.enabled ? <p class="hint">{t.pauseHint}</p> : null}
        <button type="submit" class="secondary">
          {webhook.enabled ? t.pause : t.enable}
        </button>
      </form>
      <form method="post" action={`${path}/rotate`}>
        <p class="hint">
          {t.rotateHint}
          {overlap ? <> {fill(t.overlap, { until: utcText(new Date(overlap), member.language) })}</> : null}
        </p>
        <button type="submit" class="secondary">
          {t.rotate}
        </button>
      </form>
    </section>
  );
}

/** One endpoint (/admin/webhooks/:id): what it is, its state, the edit form, its delivery log, and deleting it. */
export function WebhookPage({ member, orgName, webhook, log, state, chosen, notice, rotated }: Props) {
  const t = wordsFor(member).organisation.webhooks;
  const language = member.language;
  const path = webhookPath(webhook.id);
  const overlapUntil = webhook.previousSecretExpiresAt ? utcText(new Date(webhook.previousSecretExpiresAt), language) : "";
  return (
    <AdminLayout member={member} orgName={orgName} title={`${webhook.url} · ${t.title}`} section="webhooks">
      <p>
        <a href="/admin/webhooks">{t.back}</a>
      </p>
      <h1 class="webhook-url">{webhook.url}</h1>
      {webhook.description ? <p>{webhook.description}</p> : null}
      <Notice text={notice} />
      {rotated ? <NewSecret secret={rotated.secret} heading={t.rotatedHeading} copy={fill(t.rotatedCopy, { until: overlapUntil })} t={t} /> : null}
      <dl>
        <dt>{t.state}</dt>
        <dd>
          <StateLine webhook={webhook} t={t} member={member} />
        </dd>
        <dt>{t.created}</dt>
        <dd>
          <Instant at={new Date(webhook.createdAt)} language={language} />
        </dd>
        <dt>{t.types}</dt>
        <dd>
          <ul>
            {webhook.events.map((type) => (
              <li>
                {t.typeLabels[type] ?? type} (<code class="small">{type}</code>)
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <Actions webhook={webhook} t={t} member={member} />
      <DeliveryLogSection id={webhook.id} url={webhook.url} log={log} t={t} language={language} />
      <form method="post" action={path} class="card" novalidate>
        <h2>{t.edit}</h2>
        <ErrorSummary errors={state.errors} language={language} label={(field) => (field === "events" ? t.types : undefined)} />
        <WebhookFields state={state} chosen={chosen} t={t} />
        <button type="submit">{t.save}</button>
      </form>
      <details class="card">
        <summary>{t.remove}</summary>
        <p>{t.removeCopy}</p>
        <form method="post" action={`${path}/delete`}>
          <button type="submit" class="danger">
            {t.removeButton}
          </button>
        </form>
      </details>
    </AdminLayout>
  );
}
