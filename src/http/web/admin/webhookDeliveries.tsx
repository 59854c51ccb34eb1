import type { Language } from "../../../db/schema";
import type { DeliveryView } from "../../../domain/webhooks";
import { fill } from "../../../i18n/messages";
import { Instant } from "./instant";
import { webhookPath, type WebhookWords } from "./webhookForm";

export const deliveryStatuses = ["pending", "held", "delivered", "failed"] as const;
export type DeliveryFilter = (typeof deliveryStatuses)[number] | "";

export interface DeliveryLog {
  deliveries: DeliveryView[];
  next: string | null;
  status: DeliveryFilter;
  /** Whether this page is an older one (it then links back to the newest). */
  continued: boolean;
}

const logLink = (id: string, status: DeliveryFilter, before?: string) => {
  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (before) query.set("before", before);
  const q = query.toString();
  return `${webhookPath(id)}${q ? `?${q}` : ""}#deliveries`;
};

const at = (iso: string | null) => (iso ? new Date(iso) : null);
const badge = { pending: "badge wait", held: "badge wait", delivered: "badge", failed: "badge bad" } as const;

/** The delivery log of one endpoint: a status filter (a plain GET form), a page of deliveries, "send again" on each. */
export function DeliveryLogSection({ id, url, log, t, language }: { id: string; url: string; log: DeliveryLog; t: WebhookWords; language: Language }) {
  return (
    <section aria-labelledby="deliveries" class="webhook-log">
      <h2 id="deliveries">{t.deliveries}</h2>
      <form method="get" action={webhookPath(id)} class="toolbar">
        <div class="field">
          <label for="f-status">{t.statusFilter}</label>
          <select id="f-status" name="status">
            <option value="" selected={log.status === ""}>
              {t.statuses.all}
            </option>
            {deliveryStatuses.map((s) => (
              <option value={s} selected={log.status === s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t.filter}
        </button>
      </form>
      {log.deliveries.length ? (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{fill(t.deliveriesCaption, { url })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.type}</th>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.state}</th>
                <th scope="col">{t.attempts}</th>
                <th scope="col">{t.responseCode}</th>
                <th scope="col">{t.duration}</th>
                <th scope="col">{t.error}</th>
                <th scope="col">{t.nextAttempt}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.sendAgain}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.deliveries.map((d) => (
                <tr id={d.id}>
                  <td>
                    <code class="small" title={t.typeLabels[d.type]}>
                      {d.type}
                    </code>
                  </td>
                  <td>
                    <Instant at={at(d.createdAt)} language={language} />
                  </td>
                  <td>
                    <span class={badge[d.status]}>{t.statuses[d.status]}</span>
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.responseStatus ?? "—"}</td>
                  <td>{d.durationMs ?? "—"}</td>
                  <td class="detail">
                    {d.error ?? "—"}
                    {d.response ? (
                      <details>
                        <summary>{t.responseBody}</summary>
                        <pre class="small">{d.response}</pre>
                      </details>
                    ) : null}
                  </td>
                  <td>
                    <Instant at={at(d.nextAttemptAt)} language={language} />
                  </td>
                  <td>
                    <form method="post" action={`${webhookPath(id)}/deliveries/${d.id}/redeliver`}>
                      <input type="hidden" name="status" value={log.status} />
                      <button type="submit" class="secondary" aria-label={fill(t.sendAgainLabel, { id: d.id })}>
                        {t.sendAgain}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t.noDeliveries}</p>
      )}
      {log.continued || log.next ? (
        <nav class="pager" aria-label={t.pagerLabel}>
          {log.continued ? <a href={logLink(id, log.status)}>{t.newest}</a> : null}
          {log.next ? (
            <a href={logLink(id, log.status, log.next)} rel="next">
              {t.older}
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

/** Where "send again" returns: the log as it was filtered. */
export const backToLog = (id: string, status: string, notice: string) => {
  const query = new URLSearchParams({ notice });
  if ((deliveryStatuses as readonly string[]).includes(status)) query.set("status", status);
  return `${webhookPath(id)}?${query}#deliveries`;
};
