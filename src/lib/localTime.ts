import { TZDate } from "@date-fns/tz";

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as `YYYY-MM-DDTHH:mm` on the wall clock of `zone` (the value of a datetime-local input). */
export function toLocalInput(instant: Date, zone: string): string {
  const d = new TZDate(instant.getTime(), zone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A wall-clock `YYYY-MM-DDTHH:mm` in `zone` as an instant, or null when it is not one.
 * A time that does not exist (the hour skipped in spring) moves forward, as clocks do.
 */
export function fromLocalInput(value: string, zone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const local = new TZDate(y, mo - 1, d, h, mi, zone);
  // 31 February rolls over into March: refuse it rather than guess.
  if (local.getDate() !== d) return null;
  return new Date(local.getTime());
}

/** The same wall-clock time `days` later in `zone` (a week after 09:00 is 09:00, across a DST change too). */
export function addLocalDays(instant: Date, zone: string, days: number): Date {
  const local = new TZDate(instant.getTime(), zone);
  local.setDate(local.getDate() + days);
  return new Date(local.getTime());
}
