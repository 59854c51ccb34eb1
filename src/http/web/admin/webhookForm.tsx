import { webhookTypes } from "../../../domain/webhooks";
import { fill } from "../../../i18n/messages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import type { AdminForm } from "./forms";
import { Input, type AdminFormState } from "./fields";

export type WebhookWords = WorkspaceMessages["organisation"]["webhooks"];

const groups = ["registration", "event", "invitation"] as const;
const typesOf = (group: (typeof groups)[number]) => webhookTypes.filter((type) => type.startsWith(`${group}.`));

/**
 * What the add and edit forms sent: "All types" ticked counts as every type, so choosing
 * them all needs no script. The domain checks the codes; nothing is trusted here.
 */
export function readWebhookForm(form: AdminForm) {
  const values = { url: form.one("url"), description: form.one("description") };
  const events = form.checked("allTypes") ? [...webhookTypes] : form.many("events");
  return { values, events, input: { url: values.url, description: values.description, events } };
}

/** The types as checkboxes in their groups, each with its words and its code; the first box carries the field's id for the error summary. */
export function TypeChoice({ state, chosen, t }: { state: AdminFormState; chosen: readonly string[]; t: WebhookWords }) {
  const error = state.errors.events;
  const all = webhookTypes.every((type) => chosen.includes(type));
  return (
    <fieldset class="webhook-types" aria-describedby={["f-events-hint", error ? "f-events-error" : null].filter(Boolean).join(" ")}>
      <legend>{t.types}</legend>
      <p class="hint" id="f-events-hint">
        {t.typesHint}
      </p>
      {error ? (
        <p class="field-error" id="f-events-error">
          {error}
        </p>
      ) : null}
      <label class="choice">
        <input type="checkbox" id="f-events" name="allTypes" value="yes" checked={all} aria-invalid={error ? "true" : undefined} />
        <span>{t.selectAll}</span>
      </label>
      {groups.map((group) => (
        <fieldset class="day">
          <legend>{t.groups[group]}</legend>
          {typesOf(group).map((type) => (
            <label class="choice">
              <input type="checkbox" name="events" value={type} checked={chosen.includes(type)} aria-invalid={error ? "true" : undefined} />
              <span>
                {t.typeLabels[type] ?? type} (<code class="small">{type}</code>)
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** URL, description and types: the fields of both the add and the edit form. */
export const WebhookFields = ({ state, chosen, t }: { state: AdminFormState; chosen: readonly string[]; t: WebhookWords }) => (
  <>
    <Input state={state} name="url" label={t.url} hint={t.urlHint} type="url" required autocomplete="off" />
    <Input state={state} name="description" label={t.description} hint={t.descriptionHint} autocomplete="off" />
    <TypeChoice state={state} chosen={chosen} t={t} />
  </>
);

/** How a receiver checks a delivery (Standard Webhooks' own library), beside a secret just shown. */
const VERIFY_EXAMPLE = `import { Webhook } from "standardwebhooks";

const webhook = new Webhook(process.env.PLATS_WEBHOOK_SECRET);
const message = webhook.verify(rawBody, request.headers);
handle(message.type, message.data);`;

/** A secret just made (a new endpoint, or a rotation): shown in this answer only. */
export function NewSecret({ secret, heading, copy, t }: { secret: string; heading: string; copy: string; t: WebhookWords }) {
  return (
    <section class="card" aria-labelledby="new-secret">
      <h2 id="new-secret">{heading}</h2>
      <p>{copy}</p>
      <p>
        <label for="secret-value" class="visually-hidden">
          {t.secretLabel}
        </label>
        <input id="secret-value" class="secret" type="text" readonly value={secret} autocomplete="off" spellcheck={false} />
      </p>
      <p class="hint">{t.verifyHint}</p>
      <pre class="example">
        <code>{VERIFY_EXAMPLE}</code>
      </pre>
    </section>
  );
}

/** Active, paused by an owner, or disabled for failing, as a badge. */
export function StateBadge({ webhook, t }: { webhook: { enabled: boolean; disabledReason: string | null }; t: WebhookWords }) {
  if (webhook.enabled) return <span class="badge">{t.active}</span>;
  return webhook.disabledReason === "failing" ? <span class="badge bad">{t.disabled}</span> : <span class="badge wait">{t.paused}</span>;
}

export const webhookPath = (id: string) => `/admin/webhooks/${id}`;
export const openLabel = (t: WebhookWords, url: string) => fill(t.open, { url });
