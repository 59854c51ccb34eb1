import type { AttendanceList } from "../../../domain/attendees";
import { listPath } from "./attendeeShared";

/** The link to a page of the list as it is filtered and searched now: the first, or the one after `after`. */
function pageLink(list: AttendanceList, after?: string) {
  const query = new URLSearchParams({ status: list.filter });
  if (list.q) query.set("q", list.q);
  if (after) query.set("after", after);
  return `${listPath(list.event.id)}?${query}`;
}

/** The way to the first page and to the next one, when the list has more than this page. */
export function Pager({ list }: { list: AttendanceList }) {
  if (!list.continued && !list.next) return null;
  return (
    <nav class="pager no-print" aria-label="Pages of the list">
      {list.continued ? <a href={pageLink(list)}>First page</a> : null}
      {list.next ? (
        <a href={pageLink(list, list.next)} rel="next">
          Next page
        </a>
      ) : null}
    </nav>
  );
}
