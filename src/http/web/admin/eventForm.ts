import type { EventTranslations, Language, Question } from "../../../db/schema";
import type { FieldErrors, FieldIssue } from "../../../lib/errors";
import { fromLocalInput, toLocalInput } from "../../../lib/localTime";
import { isTimeZone } from "../../../lib/time";
import { duplicateEvent, withQuestionIds, type EventRow } from "../../../domain/events";
import { takesOptions } from "../../../domain/schemas";
import type { AdminForm } from "./forms";

/** Blank question rows offered below the existing ones; "Add more questions" offers more. */
export const BLANK_QUESTIONS = 2;
// The services allow 50 questions; rows beyond that (and removed ones) are not read.
const MAX_QUESTION_ROWS = 80;

const scalarFields = [
  "title", "slug", "description", "venue", "address", "onlineUrl", "startsAt", "endsAt", "timezone", "capacity",
  "waitlist", "waitlistMode", "offerMinutes", "groupLimit", "language", "registrationOpensAt", "registrationClosesAt", "status",
  "programme", "maxSessions", "access", "companyQuota",
] as const;
const localTimes = ["startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt"] as const;
/** The languages and fields of "Other languages"; question labels are given through the API. */
export const translatedLanguages: Language[] = ["sv", "en", "nb"];
export const translatedFields = ["title", "description", "venue", "address"] as const;
const translationNames = translatedLanguages.flatMap((lang) => translatedFields.map((field) => `translations.${lang}.${field}`));

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
    waitlistMode: e.waitlistMode,
    offerMinutes: String(e.offerMinutes),
    groupLimit: String(e.groupLimit),
    language: e.language,
    registrationOpensAt: local(e.registrationOpensAt),
    registrationClosesAt: local(e.registrationClosesAt),
    status: e.status,
    programme: e.programme,
    maxSessions: e.maxSessions === null ? "" : String(e.maxSessions),
    access: e.access,
    listed: e.listed ? "yes" : "",
    companyQuota: e.companyQuota === null ? "" : String(e.companyQuota),
  };
  for (const lang of translatedLanguages)
    for (const field of translatedFields) values[`translations.${lang}.${field}`] = e.translations[lang]?.[field] ?? "";
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
 * A datetime-local field on `zone`'s wall clock as an ISO instant (null when blank and
 * optional), or why it cannot be read; a null zone (not a known one) reads nothing.
 */
export function readLocalTime(raw: string, zone: string | null, required: boolean): { instant: string | null } | { error: FieldIssue } {
  const value = raw.trim();
  if (!value) return required ? { error: { code: "local_date_time" } } : { instant: null };
  const instant = zone ? fromLocalInput(value, zone) : "invalid";
  if (instant === "skipped") return { error: { code: "time_skipped" } };
  if (instant === "invalid") return { error: { code: "local_date_time" } };
  return { instant: instant.toISOString() };
}

/** What the form said: the values to show again, what could not be read, and the services' input. */
export interface ReadEventForm {
  values: Record<string, string>;
  errors: FieldErrors;
  input: Record<string, unknown>;
  /** The form row of each question in `input.questions` (blank and removed rows are left out). */
  rows: number[];
}

/**
 * The submitted form as the services' event input: local times become instants in the
 * chosen zone, blank optional fields become null (so an edit can clear them), blank
 * question rows are dropped and new questions get their id from the events domain. What
 * cannot be read at all comes back in `errors`; everything else is left to the domain.
 */
export function readEventForm(form: AdminForm): ReadEventForm {
  const values: Record<string, string> = {};
  for (const name of [...scalarFields, ...translationNames]) values[name] = form.one(name);
  values.waitlist = form.checked("waitlist") ? "yes" : "";
  values.listed = form.checked("listed") ? "yes" : "";
  const errors: FieldErrors = {};
  const zone = values.timezone!.trim() || "Europe/Stockholm";
  if (!isTimeZone(zone)) errors.timezone = { code: "time_zone" };

  const input: Record<string, unknown> = {
    title: values.title,
    description: values.description!.trim() || null,
    venue: values.venue!.trim() || null,
    address: values.address!.trim() || null,
    onlineUrl: values.onlineUrl!.trim() || null,
    timezone: zone,
    waitlist: values.waitlist === "yes",
    ...(values.waitlistMode ? { waitlistMode: values.waitlistMode } : {}),
    language: values.language || "sv",
    ...(values.status ? { status: values.status } : {}),
    // Left out when not sent: a new event has none, an edit keeps its own.
    ...(values.programme ? { programme: values.programme } : {}),
  };
  if (values.slug!.trim()) input.slug = values.slug!.trim();
  // Every language's words as the form holds them; blanks are dropped by the schema.
  input.translations = Object.fromEntries(
    translatedLanguages.map((lang) => [lang, Object.fromEntries(translatedFields.map((field) => [field, values[`translations.${lang}.${field}`]!]))]),
  );
  for (const name of ["capacity", "groupLimit", "offerMinutes"] as const) {
    const raw = values[name]!.trim();
    // Blank: the offer's length as it was (or its default), it matters only in offer mode.
    if (name === "offerMinutes" && !raw) continue;
    if (!/^\d{1,6}$/.test(raw)) errors[name] = { code: "whole_number" };
    else input[name] = Number(raw);
  }
  // Blank: no limit on how many sessions one attendee chooses; not sent: as it was.
  const most = values.maxSessions!.trim();
  if (form.many("maxSessions").length) {
    if (!most) input.maxSessions = null;
    else if (!/^\d{1,6}$/.test(most)) errors.maxSessions = { code: "whole_number" };
    else input.maxSessions = Number(most);
  }
  // Who may sign up: only a form that has the choice says it (its checkbox is absent when unticked).
  if (values.access) {
    input.access = values.access;
    input.listed = values.listed === "yes";
    const quota = values.companyQuota!.trim();
    if (!quota) input.companyQuota = null;
    else if (!/^\d{1,6}$/.test(quota)) errors.companyQuota = { code: "whole_number" };
    else input.companyQuota = Number(quota);
  }
  for (const name of localTimes) {
    const read = readLocalTime(values[name]!, errors.timezone ? null : zone, name === "startsAt" || name === "endsAt");
    if ("error" in read) errors[name] ??= read.error;
    else input[name] = read.instant;
  }

  const kept: { row: number; id: string; label: string; kind: string; options: string; required: boolean }[] = [];
  // Rows come numbered from 0; blank rows are submitted too, so the first missing number ends them.
  for (let i = 0; i < MAX_QUESTION_ROWS && form.many(`questions.${i}.label`).length > 0; i++) {
    const q = {
      row: i,
      id: form.one(`questions.${i}.id`).trim(),
      label: form.one(`questions.${i}.label`),
      kind: form.one(`questions.${i}.kind`) || "text",
      options: form.one(`questions.${i}.options`),
      required: form.checked(`questions.${i}.required`),
    };
    Object.assign(values, {
      [`questions.${i}.id`]: q.id,
      [`questions.${i}.label`]: q.label,
      [`questions.${i}.kind`]: q.kind,
      [`questions.${i}.options`]: q.options,
      [`questions.${i}.required`]: q.required ? "yes" : "",
    });
    if (!form.checked(`questions.${i}.remove`) && q.label.trim()) kept.push(q);
  }
  const ids = withQuestionIds(kept);
  input.questions = kept.map((q, n): Question => {
    const choices = q.options.split(/\r?\n/).map((o) => o.trim()).filter(Boolean);
    return {
      id: ids[n]!,
      label: q.label.trim(),
      kind: q.kind as Question["kind"],
      // No choices at all is left for the domain to refuse, beside this row's field.
      ...(takesOptions(q.kind) && choices.length ? { options: choices } : {}),
      ...(q.required ? { required: true } : {}),
    };
  });
  return { values, errors, input, rows: kept.map((q) => q.row) };
}

/** The domain's errors about `questions.<n>` named by the form row that question came from. */
export const onFormRows = (fields: FieldErrors, rows: number[]): FieldErrors =>
  Object.fromEntries(Object.entries(fields).map(([key, issue]) => [key.replace(/^questions\.(\d+)\./, (_, n: string) => `questions.${rows[Number(n)] ?? n}.`), issue]));

/**
 * The form's translations with the question labels of `saved` added: the form has no
 * fields for those, and a save replaces the whole object, so the stored labels of the
 * questions still there are kept.
 */
export function keepQuestionLabels(formWords: unknown, saved: EventTranslations): unknown {
  if (!formWords || typeof formWords !== "object") return formWords;
  const words = formWords as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(words).map(([lang, fields]) => {
      const labels = saved[lang as Language]?.questions;
      return [lang, labels ? { ...fields, questions: labels } : fields];
    }),
  );
}

/** The form for a copy of an event on its next date (see `duplicateEvent`). */
export const duplicateValues = (e: EventRow) => eventFormValues(duplicateEvent(e));
