import type { Language } from "../../../db/schema";
import type { AttendanceList } from "../../../domain/attendees";
import { workspaceMessages } from "../../../i18n/workspace";
import { columnsParam, type Column } from "./attendeeColumns";
import { listPath } from "./attendeeShared";

/** The link to a page of the list as it is filtered, searched and laid out now: the first, or the one after `after`. */
function pageLink(list: AttendanceList, columns: Column[], after?: string) {
  const query = new URLSearchParams({ status: list.filter });
  if (list.q) query.set("q", list.q);
  const cols = columnsParam(columns);
  if (cols !== null) query.set("cols", cols);
  if (after) query.set("after", after);
  return `${listPath(list.event.id)}?${query}`;
}

/** The way to the first page and to the next one, when the list has more than this page. */
export function Pager({ list, columns, language }: { list: AttendanceList; columns: Column[]; language: Language }) {
  if (!list.continued && !list.next) return null;
  const t = workspaceMessages(language).attendees.pager;
  return (
    <nav class="pager no-print" aria-label={t.label}>
      {list.continued ? <a href={pageLink(list, columns)}>{t.first}</a> : null}
      {list.next ? (
        <a href={pageLink(list, columns, list.next)} rel="next">
          {t.next}
        </a>
      ) : null}
    </nav>
  );
}
