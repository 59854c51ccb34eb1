import type { FieldCode, Reason } from "../../../lib/errorCodes";
import { englishFields, englishReasons } from "../../errors";

/** The workspace's words for every field code and refusal reason, in one language. */
export interface CodeWords {
  fields: Record<FieldCode, string>;
  errors: Record<Reason, string>;
}

/**
 * English: the API's words, with an organiser's form wording where it differs (the API
 * names fields, the form shows them).
 */
export const en: CodeWords = {
  fields: {
    ...englishFields,
    after_start: "Must be after the start.",
    after_opening: "Must be after registration opens.",
    time_zone: "Choose a known time zone, e.g. Europe/Stockholm.",
    whole_number: "Enter a whole number.",
    number: "Enter a number.",
    too_short: "Use at least {min} characters.",
    email: "Enter a valid email address, e.g. anna@example.se.",
    one_of: "Choose {options}.",
    options_for_kind: "List the choices, one per line.",
    checkin_code_needs_event: "Type the code on an event's check-in page.",
  },
  errors: {
    ...englishReasons,
    unauthorized: englishReasons.sign_in_required,
    cancelled_event_unchangeable: "A cancelled event cannot be changed. Duplicate it to hold it again.",
    full_no_waitlist: "The event is full and has no waitlist. Tick “Seat beyond capacity” to add this person anyway.",
  },
};
