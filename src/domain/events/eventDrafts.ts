import { addLocalDays } from "../../lib/localTime";
import { slugFromTitle } from "./eventRules";
import type { EventRow } from "./eventView";

/** How far ahead a duplicate is put: the same event next week is the common case (course series). */
const DUPLICATE_AFTER_DAYS = 7;

/**
 * A copy of an event for its next date: a week later at the same wall-clock time in its
 * own zone (across a change to summer time too), the registration window moved along,
 * no slug (the new event gets one from its title), and a draft until it is published
 * (also when the original was cancelled). Nobody is registered to it.
 */
export function duplicateEvent(e: EventRow): EventRow {
  const later = (d: Date | null) => (d ? addLocalDays(d, e.timezone, DUPLICATE_AFTER_DAYS) : null);
  return {
    ...e,
    slug: "",
    status: "draft",
    startsAt: later(e.startsAt)!,
    endsAt: later(e.endsAt)!,
    registrationOpensAt: later(e.registrationOpensAt),
    registrationClosesAt: later(e.registrationClosesAt),
  };
}

/**
 * Ids for questions as an organiser writes them: a question keeps the id it has (stored
 * answers are keyed by it); a new one gets one from its label. An id used earlier in the
 * list gets the question's row number after it, so ids stay unique as the schema demands.
 */
export function withQuestionIds(rows: { id: string; label: string; row: number }[]): string[] {
  const taken = new Set<string>();
  return rows.map(({ id: given, label, row }) => {
    let id = given || slugFromTitle(label).slice(0, 60);
    while (taken.has(id)) id = `${id}-${row + 1}`;
    taken.add(id);
    return id;
  });
}
