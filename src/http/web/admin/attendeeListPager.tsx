import type { Language } from "../../../db/schema";
import type { AttendanceList } from "../../../domain/attendees";
import { workspaceMessages } from "../../../i18n/workspace";
import { listPath } from "./attendeeShared";

/** The link to a page of the list as it is filtered and searched now: the first, or the one after `after`. */
function pageLink(list: AttendanceList, after?: string) {
  const query = new URLSearchParams({ status: list.filter });
  if (list.q) query.set("q", list.q);
  if (after) query.set("after", after);
  return `${listPath(list.event.id)}?${query}`;
}

/** The way to the first page and to the next one, when the list has more than this page. */
export function Pager({ list, language }: { list: AttendanceList; language: Language }) {
  if (!list.continued && !list.next) return null;
  const t = workspaceMessages(language).attendees.pager;
  return (
    <nav class="pager no-print" aria-label={t.label}>
      {list.continued ? <a href={pageLink(list)}>{t.first}</a> : null}
      {list.next ? (
        <a href={pageLink(list, list.next)} rel="next">
          {t.next}
        </a>
      ) : null}
    </nav>
  );
}
