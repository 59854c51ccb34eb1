import type { Question } from "../../../db/schema";
import { addLocalDays, fromLocalInput, toLocalInput } from "../../../lib/localTime";
import { isTimeZone } from "../../../lib/time";
import { slugFromTitle } from "../../../domain/events";
import type { EventRow } from "../../../domain/events";
import type { AdminFormState } from "./fields";
import type { AdminForm } from "./forms";

/** Blank question rows offered below the existing ones; "Add more questions" offers more. */
export const BLANK_QUESTIONS = 2;
// The services allow 50 questions; rows beyond that (and removed ones) are not read.
const MAX_QUESTION_ROWS = 80;

const scalarFields = [
  "title", "slug", "description", "venue", "address", "onlineUrl", "startsAt", "endsAt", "timezone", "capacity",
  "waitlist", "groupLimit", "language", "registrationOpensAt", "registrationClosesAt", "status",
] as const;
const localTimes = ["startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt"] as const;

/** An event as the form shows it: times on the event's own wall clock. */
export function eventFormValues(e: EventRow): Record<string, string> {
  const local = (d: Date | null) => (d ? toLocalInput(d, e.timezone) : "");
  const values: Record<string, string> = {
    title: e.title,
    slug: e.slug,
    description: e.description ?? "",
    venue: e.venue ?? "",
    address: e.address ?? "",
    onlineUrl: e.onlineUrl ?? "",
    startsAt: local(e.startsAt),
    endsAt: local(e.endsAt),
    timezone: e.timezone,
    capacity: String(e.capacity),
    waitlist: e.waitlist ? "yes" : "",
    groupLimit: String(e.groupLimit),
    language: e.language,
    registrationOpensAt: local(e.registrationOpensAt),
    registrationClosesAt: local(e.registrationClosesAt),
    status: e.status === "cancelled" ? "published" : e.status,
  };
  e.questions.forEach((q, i) => Object.assign(values, questionValues(q, i)));
  return values;
}

const questionValues = (q: Question, i: number) => ({
  [`questions.${i}.id`]: q.id,
  [`questions.${i}.label`]: q.label,
  [`questions.${i}.kind`]: q.kind,
  [`questions.${i}.options`]: (q.options ?? []).join("\n"),
  [`questions.${i}.required`]: q.required ? "yes" : "",
});

/**
 * Blank rows for "Add more questions": two more than the form had, within what the
 * services accept, whatever number a client sends back.
 */
export function moreBlankRows(sent: string, filled: number) {
  const had = Number.parseInt(sent, 10);
  return Math.min(Math.max(Number.isFinite(had) ? had : BLANK_QUESTIONS, 0) + 2, Math.max(MAX_QUESTION_ROWS - filled, 0));
}

/** How many question rows the values hold (existing plus blank ones). */
export const questionRows = (values: Record<string, string>) => {
  let n = 0;
  while (`questions.${n}.label` in values || `questions.${n}.id` in values) n++;
  return n;
};

/**
 * The submitted form as the services' event input: local times become instants in the
 * chosen zone, blank optional fields become null (so an edit can clear them), blank
 * question rows are dropped and new questions get an id from their label. What cannot
 * be read at all comes back in `errors`; everything else is left to the services' schema.
 */
export function readEventForm(form: AdminForm): { state: AdminFormState; input: Record<string, unknown> } {
  const values: Record<string, string> = {};
  for (const name of scalarFields) values[name] = form.one(name);
  values.waitlist = form.checked("waitlist") ? "yes" : "";
  const errors: Record<string, string> = {};
  const zone = values.timezone!.trim() || "Europe/Stockholm";
  if (!isTimeZone(zone)) errors.timezone = "Choose a known time zone, e.g. Europe/Stockholm.";

  const input: Record<string, unknown> = {
    title: values.title,
    description: values.description!.trim() || null,
    venue: values.venue!.trim() || null,
    address: values.address!.trim() || null,
    onlineUrl: values.onlineUrl!.trim() || null,
    timezone: zone,
    waitlist: values.waitlist === "yes",
    language: values.language || "sv",
    status: values.status || "published",
  };
  if (values.slug!.trim()) input.slug = values.slug!.trim();
  for (const name of ["capacity", "groupLimit"] as const) {
    const raw = values[name]!.trim();
    if (!/^\d{1,6}$/.test(raw)) errors[name] = "Enter a whole number.";
    else input[name] = Number(raw);
  }
  for (const name of localTimes) {
    const raw = values[name]!.trim();
    const required = name === "startsAt" || name === "endsAt";
    if (!raw) {
      if (required) errors[name] = "Enter a date and time.";
      else input[name] = null;
      continue;
    }
    const instant = errors.timezone ? null : fromLocalInput(raw, zone);
    if (!instant) errors[name] ??= "Enter a date and time such as 2027-03-18 09:30.";
    else input[name] = instant.toISOString();
  }

  const questions: Question[] = [];
  const taken = new Set<string>();
  // Rows come numbered from 0; blank rows are submitted too, so the first missing number ends them.
  for (let i = 0; i < MAX_QUESTION_ROWS && form.many(`questions.${i}.label`).length > 0; i++) {
    const q = {
      id: form.one(`questions.${i}.id`).trim(),
      label: form.one(`questions.${i}.label`),
      kind: form.one(`questions.${i}.kind`) || "text",
      options: form.one(`questions.${i}.options`),
      required: form.checked(`questions.${i}.required`),
      remove: form.checked(`questions.${i}.remove`),
    };
    Object.assign(values, {
      [`questions.${i}.id`]: q.id,
      [`questions.${i}.label`]: q.label,
      [`questions.${i}.kind`]: q.kind,
      [`questions.${i}.options`]: q.options,
      [`questions.${i}.required`]: q.required ? "yes" : "",
    });
    if (q.remove || !q.label.trim()) continue;
    let id = q.id || slugFromTitle(q.label).slice(0, 60) || `q${i + 1}`;
    while (taken.has(id)) id = `${id}-${i + 1}`;
    taken.add(id);
    const choices = q.options.split(/\r?\n/).map((o) => o.trim()).filter(Boolean);
    if ((q.kind === "select" || q.kind === "multiselect") && !choices.length) errors[`questions.${i}.options`] = "List the choices, one per line.";
    questions.push({
      id,
      label: q.label.trim(),
      kind: q.kind as Question["kind"],
      ...(q.kind === "select" || q.kind === "multiselect" ? { options: choices } : {}),
      ...(q.required ? { required: true } : {}),
    });
  }
  input.questions = questions;
  return { state: { values, errors }, input };
}

/** A copy for the next date: the same event a week later, window moved along, a fresh slug. */
export function duplicateValues(e: EventRow): Record<string, string> {
  const later = (d: Date | null) => (d ? addLocalDays(d, e.timezone, 7) : null);
  const values = eventFormValues({
    ...e,
    startsAt: later(e.startsAt)!,
    endsAt: later(e.endsAt)!,
    registrationOpensAt: later(e.registrationOpensAt),
    registrationClosesAt: later(e.registrationClosesAt),
  });
  values.slug = "";
  return values;
}
