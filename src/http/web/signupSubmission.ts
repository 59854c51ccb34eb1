import type { Context } from "hono";
import type { Answers, Language, Question } from "../../db/schema";
import type { AppError, FieldErrors } from "../../lib/errors";
import { zodFieldErrors } from "../../lib/zodIssues";
import { pageFieldError } from "../../i18n/pages";
import { checkSignup, type SignupRules } from "../../domain/signup";
import { defaultGroupMode, groupMode, groupModes, registrationInput, type GroupMode, type RegistrationInput } from "../../domain/schemas";
import type { PageInfo } from "./layout";
import type { FormState } from "./pages/fields";
import { colleagueFields, colleagueRows, HONEYPOT } from "./pages/signupForm";

type Body = Record<string, string | File | (string | File)[]>;

/**
 * The submitted form. A body that cannot be read as a form (a multipart body without its
 * boundary, say) counts as empty, so it is answered like any incomplete form, never a 500.
 */
export async function formBody(c: Context): Promise<Body> {
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    return {};
  }
}

const one = (v: Body[string] | undefined) => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
};
const many = (v: Body[string] | undefined) => [v ?? []].flat().filter((x): x is string => typeof x === "string");

/** The submitted form as it will be shown again: every value a person typed, by field name. */
export function readSignupForm(body: Body, questions: Question[], groupLimit: number) {
  const values: FormState["values"] = {};
  for (const name of ["firstName", "lastName", "email", "organisation", "phone", "consent", "language", "groupMode"]) values[name] = one(body[name]);
  const readAnswers = (prefix: string) => {
    for (const q of questions) {
      const name = `${prefix}answers.${q.id}`;
      values[name] = q.kind === "multiselect" ? many(body[name]) : one(body[name]);
    }
  };
  readAnswers("");
  // The sessions chosen (checkboxes): one choice for the whole group.
  values.sessions = many(body.sessions);
  for (const i of colleagueRows(groupLimit)) {
    for (const field of colleagueFields) values[`attendees.${i}.${field}`] = one(body[`attendees.${i}.${field}`]);
    readAnswers(`attendees.${i}.`);
  }
  return {
    values,
    automated: one(body[HONEYPOT]) !== "",
    turnstileToken: one(body["cf-turnstile-response"]),
  };
}

export const orNothing = (s: string | string[] | undefined) => (typeof s === "string" && s.trim() !== "" ? s : undefined);

/** The answers (of the person whose fields start with `prefix`) as the services take them: a checkbox is true or false, blanks are left out. */
export function answersOf(values: FormState["values"], questions: Question[], prefix = "") {
  const answers: Answers = {};
  for (const q of questions) {
    const v = values[`${prefix}answers.${q.id}`];
    if (q.kind === "checkbox") answers[q.id] = v === "yes";
    else if (q.kind === "multiselect") answers[q.id] = [v ?? []].flat();
    else if (orNothing(v)) answers[q.id] = v as string;
  }
  return answers;
}

/** The form's values for stored answers, to show them in an edit form. */
export function valuesOfAnswers(answers: Answers): FormState["values"] {
  const values: FormState["values"] = {};
  for (const [id, v] of Object.entries(answers)) values[`answers.${id}`] = v === true ? "yes" : v === false ? "" : v;
  return values;
}

/** The name and email typed under a field-name prefix; a blank name part counts as missing. */
const person = (values: FormState["values"], prefix: string) => ({
  firstName: orNothing(values[`${prefix}firstName`]),
  lastName: orNothing(values[`${prefix}lastName`]),
  email: values[`${prefix}email`] ?? "",
});

/** Whether a colleague row was begun: a name, an email or an answer typed or chosen. */
const begun = (values: FormState["values"], prefix: string) =>
  Object.entries(values).some(([name, v]) => name.startsWith(prefix) && name !== `${prefix}language` && (Array.isArray(v) ? v.length > 0 : v.trim() !== ""));

/**
 * The people of one submission, the submitter first, then each colleague row that was
 * begun. Each answers the event's questions for themselves; colleagues share the
 * submitter's organisation, and the submitter's consent covers the group. `rows[i]` is the
 * field-name prefix of attendee i, to put errors back beside its fields.
 */
export function attendeesOf(
  values: FormState["values"],
  rules: SignupRules,
  language: Language,
) {
  const { questions, groupLimit } = rules;
  // Everyone of a group takes the sessions the form chose (the form has one set of boxes).
  const sessions = [values.sessions ?? []].flat();
  const shared = { organisation: orNothing(values.organisation), consent: values.consent === "yes", language, ...(sessions.length ? { sessions } : {}) };
  const people: { prefix: string; input: Record<string, unknown> }[] = [
    { prefix: "", input: { ...person(values, ""), phone: orNothing(values.phone), answers: answersOf(values, questions), ...shared } },
  ];
  for (const i of colleagueRows(groupLimit)) {
    const prefix = `attendees.${i}.`;
    // A row left blank is no one; a row begun is someone, and is checked as such.
    if (begun(values, prefix)) people.push({ prefix, input: { ...person(values, prefix), answers: answersOf(values, questions, prefix), ...shared } });
  }
  const rows = people.map((p) => p.prefix);
  const errors: FieldErrors = {};
  const attendees: RegistrationInput[] = [];
  for (const { prefix, input } of people) {
    const parsed = registrationInput.safeParse(input);
    if (parsed.success) attendees.push(parsed.data);
    else for (const [key, issue] of Object.entries(zodFieldErrors(parsed.error))) errors[prefix + key] ??= issue;
  }
  // A form refused for an email should also name a missing answer or consent, so one
  // round trip fixes everything: the event's rules, asked of everyone's answers.
  if (Object.keys(errors).length) {
    const asked = people.map((p) => ({ answers: p.input.answers as Answers, consent: shared.consent }));
    for (const [key, issue] of Object.entries(checkSignup(rules, asked).errors)) errors[formField(key, rows, people.length)] ??= issue;
  }
  const mode = groupMode.safeParse(orNothing(values.groupMode) ?? defaultGroupMode);
  if (!mode.success) errors.groupMode = { code: "one_of", options: groupModes };
  return { attendees, rows, errors, groupMode: (mode.data ?? defaultGroupMode) as GroupMode };
}

/** A service's field name (attendee i of n) as the form names it (row `rows[i]`). */
function formField(key: string, rows: string[], n: number) {
  // The group's sessions are one set of boxes: anyone's problem with them is shown there.
  if (/(^|\.)sessions(\.\d+)?$/.test(key)) return "sessions";
  if (n === 1) return key;
  const m = /^attendees\.(\d+)\.(.*)$/.exec(key);
  return m ? `${rows[Number(m[1])] ?? ""}${m[2]}` : key;
}

/**
 * Field errors as the form shows them, in the page's language. A service's errors name
 * attendees by their index, so `rows` (from `attendeesOf`) maps them back to form rows;
 * errors from `attendeesOf` already use the form's names.
 */
export function formErrors({ t, lang }: Pick<PageInfo, "t" | "lang">, fields: FieldErrors, rows?: string[]): Record<string, string> {
  const shown: Record<string, string> = {};
  // A service numbers the attendees it was given; the form numbers its rows.
  for (const [key, issue] of Object.entries(fields)) shown[formField(key, rows ?? [""], rows?.length ?? 1)] ??= pageFieldError(t, issue, lang);
  return shown;
}

/** An `already_registered` refusal of a single person carries no fields: it is about the email. */
export const alreadyRegisteredFields = (err: AppError): FieldErrors => err.fields ?? { email: { code: "already_registered" } };
