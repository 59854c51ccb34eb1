import { TZDate } from "@date-fns/tz";

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as `YYYY-MM-DDTHH:mm` on the wall clock of `zone` (the value of a datetime-local input). */
export function toLocalInput(instant: Date, zone: string): string {
  const d = new TZDate(instant.getTime(), zone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A wall-clock `YYYY-MM-DDTHH:mm` in `zone` as an instant; "invalid" when it is not a
 * date and time, "skipped" when the clocks jump over it that day (the hour lost in
 * spring): refused rather than moved, so nobody gets an event at a time they did not
 * enter. An hour that happens twice (autumn) is taken the first time.
 */
export function fromLocalInput(value: string, zone: string): Date | "invalid" | "skipped" {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value.trim());
  if (!m) return "invalid";
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return "invalid";
  const local = new TZDate(y, mo - 1, d, h, mi, zone);
  // 31 February rolls over into March: refuse it rather than guess.
  if (local.getDate() !== d) return "invalid";
  if (local.getHours() !== h || local.getMinutes() !== mi) return "skipped";
  // In the hour that happens twice, the first time it does (as Temporal's "compatible").
  const hourBefore = new TZDate(local.getTime() - 3_600_000, zone);
  if (hourBefore.getDate() === d && hourBefore.getHours() === h && hourBefore.getMinutes() === mi) return new Date(hourBefore.getTime());
  return new Date(local.getTime());
}

/** The same wall-clock time `days` later in `zone` (a week after 09:00 is 09:00, across a DST change too). */
export function addLocalDays(instant: Date, zone: string, days: number): Date {
  const local = new TZDate(instant.getTime(), zone);
  local.setDate(local.getDate() + days);
  return new Date(local.getTime());
}
