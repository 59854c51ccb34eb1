const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

// Growing waits between attempts, from seconds to a day: a short SMTP hiccup costs
// seconds, an hour-long outage is caught within the hour after it ends.
const STEPS = [10 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, 24 * HOUR];

/** After this many attempts (about five days) a temporary failure counts as permanent. */
export const MAX_ATTEMPTS = 16;

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export const backoff = (attempts: number) => STEPS[Math.min(Math.max(attempts, 1), STEPS.length) - 1]!;
