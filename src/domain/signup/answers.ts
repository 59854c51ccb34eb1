import type { Answers, Question } from "../../db/schema";
import type { FieldErrors } from "../../lib/errors";

const isBlank = (v: unknown) =>
  v === undefined || v === null || v === false || (typeof v === "string" && v.trim() === "") || (Array.isArray(v) && v.length === 0);

/**
 * Checks answers against the event's own questions. Returns the answers to store (known
 * questions only, normalised) and per-field errors keyed `answers.<questionId>`.
 */
export function checkAnswers(questions: Question[], given: Answers = {}): { answers: Answers; errors: FieldErrors } {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(given)) if (!known.has(id)) errors[`answers.${id}`] = { code: "unknown_question" };

  for (const q of questions) {
    const key = `answers.${q.id}`;
    // Own properties only: a question id such as "constructor" must not find Object's.
    const v = Object.hasOwn(given, q.id) ? given[q.id] : undefined;
    if (isBlank(v)) {
      if (q.required) errors[key] = { code: "required" };
      continue;
    }
    switch (q.kind) {
      case "text":
      case "textarea":
        if (typeof v !== "string") errors[key] = { code: "text" };
        else if (q.kind === "text" && v.length > 500) errors[key] = { code: "too_long", max: 500 };
        else answers[q.id] = v.trim();
        break;
      case "select":
        if (typeof v !== "string" || !q.options?.includes(v)) errors[key] = { code: "option" };
        else answers[q.id] = v;
        break;
      case "multiselect":
        if (!Array.isArray(v) || !v.every((o) => q.options?.includes(o))) errors[key] = { code: "options" };
        else answers[q.id] = [...new Set(v)];
        break;
      case "checkbox":
        if (typeof v !== "boolean") errors[key] = { code: "boolean" };
        else answers[q.id] = v;
        break;
    }
  }
  return { answers, errors };
}
