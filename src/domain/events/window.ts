import { sql } from "drizzle-orm";
import { AppError, notFound } from "../../lib/errors";
import type { EventRow } from "./eventView";

type WindowFields = Pick<EventRow, "status" | "registrationOpensAt" | "registrationClosesAt" | "startsAt">;

/**
 * Why a signup cannot be taken now, or null. This explains a refusal to the client; the
 * authority is `signupOpenSql`, which the insert itself evaluates, so the two must agree.
 * Without counts, only the window is checked.
 */
export function signupRefusal(
  e: WindowFields & Pick<EventRow, "waitlist" | "capacity">,
  now: Date,
  counts?: { confirmed: number; waitlisted: number },
): AppError | null {
  if (e.status === "draft") return notFound("event");
  if (e.status === "cancelled") return new AppError("registration_closed", "The event has been cancelled.");
  if (e.registrationOpensAt && now < e.registrationOpensAt)
    return new AppError("registration_closed", "Registration has not opened yet.");
  if (now >= (e.registrationClosesAt ?? e.startsAt))
    return new AppError("registration_closed", "Registration for this event has closed.");
  if (counts && !e.waitlist && (counts.confirmed >= e.capacity || counts.waitlisted > 0))
    return new AppError("event_full", "The event is full and has no waitlist.");
  return null;
}

/** The same window as `signupRefusal`, for an event row aliased `e`. */
export const signupOpenSql = (now: number) => sql`
  e.status = 'published'
  AND (e.registration_opens_at IS NULL OR e.registration_opens_at <= ${now})
  AND coalesce(e.registration_closes_at, e.starts_at) > ${now}`;
