import { invalid, type FieldErrors } from "../../lib/errors";
import { toLocalInput } from "../../lib/localTime";

export interface ReportRange {
  /** First day, `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

export const MAX_RANGE_YEARS = 5;
// "This year" is the year on the clock the organisations live by.
const HOME_ZONE = "Europe/Stockholm";

/** A real calendar day written `YYYY-MM-DD`: 2027-02-30 is not one. */
function isDay(value: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The days a report covers, from the query's `from` and `to`; either left blank means
 * this calendar year's first or last day. A range longer than five years is refused: no
 * project period is, and the report reads every registration in it.
 */
export function reportRange(input: { from?: string | undefined; to?: string | undefined }, now: Date): ReportRange {
  const year = toLocalInput(now, HOME_ZONE).slice(0, 4);
  const from = input.from?.trim() || `${year}-01-01`;
  const to = input.to?.trim() || `${year}-12-31`;
  const errors: FieldErrors = {};
  if (!isDay(from)) errors.from = { code: "start_day" };
  if (!isDay(to)) errors.to = { code: "end_day" };
  if (!errors.from && !errors.to) {
    const limit = `${String(Number(from.slice(0, 4)) + MAX_RANGE_YEARS).padStart(4, "0")}${from.slice(4)}`;
    if (from > to) errors.to = { code: "end_before_start" };
    else if (to >= limit) errors.to = { code: "range_too_long", years: MAX_RANGE_YEARS };
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return { from, to };
}
