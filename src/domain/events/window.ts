import { sql } from "drizzle-orm";
import { AppError } from "../../lib/errors";
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
  counts?: { confirmed: number; waitlisted: number; offered: number },
): AppError | null {
  if (e.status === "draft") return new AppError("event_not_found");
  if (e.status === "cancelled") return new AppError("signup_cancelled");
  if (e.registrationOpensAt && now < e.registrationOpensAt) return new AppError("signup_not_open");
  if (now >= (e.registrationClosesAt ?? e.startsAt)) return new AppError("signup_closed");
  if (counts && !e.waitlist && (counts.confirmed + counts.offered >= e.capacity || counts.waitlisted > 0)) return new AppError("full_no_waitlist");
  return null;
}

/** The same window as `signupRefusal`, for an event row aliased `e`. */
export const signupOpenSql = (now: number) => sql`
  e.status = 'published'
  AND (e.registration_opens_at IS NULL OR e.registration_opens_at <= ${now})
  AND coalesce(e.registration_closes_at, e.starts_at) > ${now}`;
