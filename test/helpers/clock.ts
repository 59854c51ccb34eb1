/**
 * Time in the tests. Two kinds of test, two kinds of clock, and no test depends on
 * today's date:
 *
 * - In-process tests inject a TestClock into the app. It starts at CLOCK_START, a fixed
 *   instant, so pages and emails read the same text on every run, and the fixture event
 *   (eventBody) lies FIXTURE_LEAD_DAYS after it: Thursday 18 March 2027. Moving the
 *   system clock changes nothing there (`npm run test:future` proves it).
 * - Tests of a real server (Node over HTTP, workerd, the browser) run on the real clock,
 *   which nobody can inject into another process. Their events are placed relative to
 *   now (liveEventBody, eventTimes(Date.now())), and what they expect is computed from
 *   those instants, never written down as a date.
 */

/** Where a TestClock starts. */
export const CLOCK_START = "2026-11-21T09:00:00Z";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** How far ahead of a clock's now the fixture event lies (CLOCK_START + 117 days = 18 March 2027). */
export const FIXTURE_LEAD_DAYS = 117;

/** A clock the tests move by hand; `TestClock.real()` follows the real clock instead (moved by an offset). */
export class TestClock {
  private offset = 0;
  private constructor(
    private current: Date | null,
  ) {}

  /** A clock standing still at `start` (CLOCK_START by default) until a test moves it. */
  static pinned(start: string | Date = CLOCK_START) {
    return new TestClock(new Date(start));
  }

  /** The real clock, for an app that shares its database with a real server; `set` and `advance` shift it. */
  static real() {
    return new TestClock(null);
  }

  now = () => (this.current ? new Date(this.current) : new Date(Date.now() + this.offset));

  set(iso: string | Date) {
    const at = new Date(iso);
    if (this.current) this.current = at;
    else this.offset = at.getTime() - Date.now();
  }

  advance(ms: number) {
    if (this.current) this.current = new Date(this.current.getTime() + ms);
    else this.offset += ms;
  }
}

/** The instant `days` after `now`'s UTC date, at `time` (HH:MM, UTC). */
export function dayAt(now: Date | number | string, days: number, time: string): string {
  const d = new Date(new Date(now).getTime() + days * DAY);
  const [h, m] = time.split(":").map(Number);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), h, m)).toISOString();
}

/** The fixture event's times for a clock at `now`: 08:30–15:30 UTC, FIXTURE_LEAD_DAYS ahead. */
export function eventTimes(now: Date | number | string) {
  return { startsAt: dayAt(now, FIXTURE_LEAD_DAYS, "08:30"), endsAt: dayAt(now, FIXTURE_LEAD_DAYS, "15:30") };
}

/** An ISO instant `offsetMs` from now on the real clock. */
export const fromNow = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** `iso` moved by `ms`, as an ISO instant. */
export const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The calendar date (YYYY-MM-DD, UTC) `days` from `iso`: for report ranges and the like. */
export const isoDate = (iso: string | number | Date, days = 0) => new Date(new Date(iso).getTime() + days * DAY).toISOString().slice(0, 10);
