import type { Language } from "../../../db/schema";
import { eventUrl } from "../../../domain/context";
import type { EventRow } from "../../../domain/events";
import { workspaceMessages } from "../../../i18n/workspace";

/**
 * Where attendees find the event: its public page, or word that a draft is not public
 * yet. Shown beside the event on the dashboard and in the event's header.
 */
export function PublicLink({ event, publicUrl, language }: { event: Pick<EventRow, "slug" | "status">; publicUrl: string; language: Language }) {
  const t = workspaceMessages(language).events.share;
  if (event.status === "draft") return <span class="public-link small">{t.notPublic}</span>;
  return (
    <a class="public-link small" href={eventUrl({ publicUrl }, event.slug)}>
      {t.publicPage}
    </a>
  );
}
