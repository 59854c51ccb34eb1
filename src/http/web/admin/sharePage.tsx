import type { Member } from "../../../domain/accounts";
import type { EventRow } from "../../../domain/events";
import { formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { assetUrl } from "../assets";
import { QrSvg } from "../pages/checkinPass";
import { listPath } from "./attendeeShared";
import { AdminLayout, Notice, wordsFor } from "./layout";

export interface SharePageProps {
  member: Member;
  orgName: string;
  event: EventRow;
  /** The event's public page, `${publicUrl}/e/${slug}`. */
  link: string;
  /** The embed snippet for the organisation's own site. */
  snippet: string;
  notice?: string;
}

/** A copy button the workspace script shows and wires (hidden without it: nothing to copy with). */
function CopyButton({ source, label, member }: { source: string; label: string; member: Member }) {
  const shell = wordsFor(member).shell;
  return (
    <button type="button" class="secondary" data-copy={source} data-copied={shell.copied} data-copy-failed={shell.copyFailed} hidden>
      {label}
    </button>
  );
}

/** Publishing a draft: a plain form, the one step between a draft and a public page. */
export function PublishForm({ event, label }: { event: EventRow; label: string }) {
  return (
    <form method="post" action={`${listPath(event.id)}/publish`} class="inline-form">
      <button type="submit">{label}</button>
    </form>
  );
}

/** After creating or publishing: the public link, its QR code, the poster, the embed snippet and a preview. */
export function SharePage({ member, orgName, event, link, snippet, notice }: SharePageProps) {
  const words = wordsFor(member);
  const t = words.events.share;
  const form = words.events.form;
  const base = listPath(event.id);
  const draft = event.status === "draft";
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.title, { event: event.title })} section="events" scripts={[assetUrl["admin.js"]]}>
      <p class="small">
        <a href={base}>{t.back}</a>
      </p>
      <div class="page-head">
        <h1>{t.heading}</h1>
        {draft ? <span class="badge wait">{words.events.status.draft}</span> : null}
        {event.status === "cancelled" ? <span class="badge bad">{words.events.status.cancelled}</span> : null}
      </div>
      <p class="event-when">
        <strong>{event.title}</strong> · {formatWhen(event.startsAt, event.endsAt, event.timezone, member.language)}
      </p>
      <Notice text={notice} />
      {draft ? (
        <div class="notice wait share-draft">
          <p>{t.draft}</p>
          <PublishForm event={event} label={t.publish} />
        </div>
      ) : null}
      {event.status === "cancelled" ? <p class="notice wait">{t.cancelled}</p> : null}
      <section class="card" aria-labelledby="share-link-title">
        <h2 id="share-link-title">{t.link}</h2>
        <p id="share-link-hint">{t.linkHint}</p>
        <input id="share-link" type="text" readonly value={link} aria-labelledby="share-link-title" aria-describedby="share-link-hint" />
        <p>
          <CopyButton source="share-link" label={t.copyLink} member={member} />
        </p>
      </section>
      <section class="card share-qr" aria-labelledby="share-qr-title">
        <h2 id="share-qr-title">{t.qrHeading}</h2>
        <p>{t.qrHint}</p>
        <QrSvg text={link} label={fill(t.qrLabel, { event: event.title })} px={200} />
        <p>
          <a href={`${base}/poster`}>{t.poster}</a>
        </p>
      </section>
      <section class="card" aria-labelledby="share-embed-title">
        <h2 id="share-embed-title">{form.embed}</h2>
        <p id="embed-snippet-hint">{form.embedHint}</p>
        <label for="embed-snippet">{form.snippet}</label>
        <textarea id="embed-snippet" readonly rows={4} aria-describedby="embed-snippet-hint">
          {snippet}
        </textarea>
        <p>
          <CopyButton source="embed-snippet" label={form.copySnippet} member={member} />
        </p>
      </section>
      <section class="card" aria-labelledby="share-preview-title">
        <h2 id="share-preview-title">{t.previewHeading}</h2>
        {draft ? (
          <>
            <p>{t.previewHint}</p>
            <p>
              <a href={`${base}/preview`}>{t.preview}</a>
            </p>
          </>
        ) : (
          <p>
            <a href={link} target="_blank" rel="noopener">
              {t.openPage} <span class="optional">{t.newTab}</span>
            </a>
          </p>
        )}
      </section>
    </AdminLayout>
  );
}
