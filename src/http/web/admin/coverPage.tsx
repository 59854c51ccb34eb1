import type { Member } from "../../../domain/accounts";
import { COVER_MAX_BYTES, COVER_MAX_SIDE, COVER_MIN_WIDTH, type CoverView } from "../../../domain/events";
import { formatNumber } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { Input, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";

export interface CoverPageProps {
  member: Member;
  orgName: string;
  event: { id: string; title: string };
  cover: CoverView | null;
  state: AdminFormState;
  notice?: string;
}

/**
 * An event's cover image: upload (with its alt text), replace, remove. A page of its own
 * beside the event form, since a file goes as multipart and removing needs no file.
 */
export function CoverPage({ member, orgName, event, cover, state, notice }: CoverPageProps) {
  const words = wordsFor(member);
  const t = words.events.cover;
  const n = (v: number) => formatNumber(v, member.language);
  const title = fill(t.title, { event: event.title });
  const label = (field: string) => (field === "cover" ? t.file : field === "coverAlt" ? t.alt : undefined);
  return (
    <AdminLayout member={member} orgName={orgName} title={title} section="events">
      <div class="page-head">
        <h1>{title}</h1>
        <a href={`/admin/events/${event.id}/edit`}>{t.back}</a>
      </div>
      <Notice text={notice} />
      <section class="card" aria-labelledby="cover-heading">
        <h2 id="cover-heading">{t.heading}</h2>
        <p>{t.intro}</p>
        {cover ? (
          <figure class="cover-current">
            <img src={cover.path} alt={cover.alt} width={cover.width} height={cover.height} />
            <figcaption class="hint">
              {t.current} ({n(cover.width)} × {n(cover.height)})
            </figcaption>
          </figure>
        ) : (
          <p>{t.none}</p>
        )}
        <form method="post" action={`/admin/events/${event.id}/cover`} enctype="multipart/form-data" novalidate>
          <ErrorSummary errors={state.errors} label={label} language={member.language} />
          <Input
            state={state}
            name="cover"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            label={t.file}
            hint={fill(t.fileHint, { kib: n(COVER_MAX_BYTES / 1024), minWidth: n(COVER_MIN_WIDTH), maxSide: n(COVER_MAX_SIDE) })}
            required={!cover}
          />
          <Input state={state} name="coverAlt" label={t.alt} hint={t.altHint} />
          <div class="actions">
            <button type="submit">{cover ? t.save : t.upload}</button>
          </div>
        </form>
        {cover ? (
          <form method="post" action={`/admin/events/${event.id}/cover/remove`}>
            <button type="submit" class="secondary">
              {t.remove}
            </button>
          </form>
        ) : null}
      </section>
    </AdminLayout>
  );
}
