import type { Language } from "../../db/schema";
import type { FieldCode, FieldIssue, ParamValue, Reason } from "../../lib/errorCodes";
import { englishFields, englishReasons, sayError } from "../errors";
import { nb as nbPages } from "../pages/nb";
import { sv as svPages } from "../pages/sv";

interface Words {
  fields: Partial<Record<FieldCode, string>>;
  errors: Partial<Record<Reason, string>>;
}

/**
 * The workspace's words for field codes and refusal reasons. English is complete: the API's words, with an
 * organiser's form wording where it differs (the API names fields, the form shows them).
 * Swedish and Norwegian have the words the attendee pages already use; the rest falls
 * back to English until the workspace is translated, which then only switches language.
 */
const en = {
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
} satisfies { fields: Record<FieldCode, string>; errors: Record<Reason, string> };

const fromPages = (t: typeof svPages): Words => ({
  fields: {
    required: t.fieldErrors.required,
    email: t.fieldErrors.email,
    too_long: t.fieldErrors.too_long,
    one_line: t.fieldErrors.one_line,
    no_control: t.fieldErrors.no_control,
    option: t.fieldErrors.option,
    options: t.fieldErrors.options,
  },
  errors: {},
});

const catalogue: Record<Language, Words> = { en, sv: fromPages(svPages), nb: fromPages(nbPages) };

/** A field error in the workspace's words. */
export const workspaceField = (issue: FieldIssue, language: Language) =>
  sayError(catalogue[language].fields[issue.code] ?? en.fields[issue.code], issue, language);

/** A refusal in the workspace's words. */
export const workspaceError = (reason: Reason, params: Readonly<Record<string, ParamValue>>, language: Language) =>
  sayError(catalogue[language].errors[reason] ?? en.errors[reason], params, language);
