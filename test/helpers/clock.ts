/** A clock the tests move by hand. */
export class TestClock {
  constructor(private current = new Date("2026-11-21T09:00:00Z")) {}
  now = () => new Date(this.current);
  set(iso: string | Date) {
    this.current = new Date(iso);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
