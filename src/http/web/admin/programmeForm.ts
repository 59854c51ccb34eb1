import type { Programme } from "../../../db/schema";
import { sessionHasLimit, type SessionView } from "../../../domain/programme";
import type { FieldErrors } from "../../../lib/errors";
import { toLocalInput } from "../../../lib/localTime";
import { readLocalTime } from "./eventForm";
import type { AdminForm } from "./forms";

/** The session form's fields, in the order the form shows them (and the summary of errors lists them). */
export const sessionFieldNames = ["title", "startsAt", "endsAt", "track", "venue", "description", "capacity", "waitlist"] as const;

/** Whether the form offers seats and a waitlist of its own: only where a session can have a limit of its own (not in a package). */
export const hasOwnSeats = (programme: Programme) => sessionHasLimit(programme, { capacity: 0 });

/** A new session's form: its own waitlist ticked, as the domain's default. */
export const newSessionValues = (): Record<string, string> => ({ waitlist: "yes" });

/** A session as its form shows it: times on the event's wall clock. */
export const sessionFormValues = (s: SessionView, zone: string): Record<string, string> => ({
  title: s.title,
  startsAt: toLocalInput(new Date(s.startsAt), zone),
  endsAt: toLocalInput(new Date(s.endsAt), zone),
  track: s.track ?? "",
  venue: s.venue ?? "",
  description: s.description ?? "",
  capacity: s.capacity === null ? "" : String(s.capacity),
  waitlist: s.waitlist ? "yes" : "",
});

export interface ReadSessionForm {
  values: Record<string, string>;
  errors: FieldErrors;
  input: Record<string, unknown>;
}

/**
 * The submitted session form as the domain's input: local times on the event's clock
 * become instants, blank optional fields become null (so an edit clears them). Seats and
 * the waitlist are read only where the form offers them. The rest is the domain's to judge.
 */
export function readSessionForm(form: AdminForm, zone: string, programme: Programme): ReadSessionForm {
  const values: Record<string, string> = {};
  for (const name of sessionFieldNames) values[name] = form.one(name);
  values.waitlist = form.checked("waitlist") ? "yes" : "";
  const errors: FieldErrors = {};
  const orNull = (v: string) => v.trim() || null;
  const input: Record<string, unknown> = {
    title: values.title,
    track: orNull(values.track!),
    venue: orNull(values.venue!),
    description: orNull(values.description!),
  };
  for (const name of ["startsAt", "endsAt"] as const) {
    const read = readLocalTime(values[name]!, zone, true);
    if ("error" in read) errors[name] = read.error;
    else input[name] = read.instant;
  }
  if (hasOwnSeats(programme)) {
    input.waitlist = values.waitlist === "yes";
    const seats = values.capacity!.trim();
    if (!seats) input.capacity = null;
    else if (!/^\d{1,7}$/.test(seats)) errors.capacity = { code: "whole_number" };
    else input.capacity = Number(seats);
  }
  return { values, errors, input };
}
