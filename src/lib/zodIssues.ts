import { z, type core, type ZodError } from "zod";
import { isFieldCode, type FieldCode, type FieldErrors, type FieldIssue } from "./errorCodes";

type Issue = core.$ZodIssue;

// A finished issue no longer holds the value it was about, so whether the value was
// missing at all is noted while the issue is made: its message becomes the code.
z.config({
  customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "required" : undefined),
});

/**
 * A schema names a code where zod's issue kind cannot tell it (a pattern, a refinement):
 * `.regex(re, code("one_line"))`. The code travels as the issue's message.
 */
export const code = (c: FieldCode): string => c;

const typeCodes: Record<string, FieldIssue> = {
  string: { code: "text" },
  number: { code: "number" },
  int: { code: "whole_number" },
  boolean: { code: "boolean" },
  array: { code: "list" },
  object: { code: "object" },
  record: { code: "object" },
};

/** The one mapping from a zod issue to a field code with its parameters. */
export function issueCode(issue: Issue): FieldIssue {
  if (issue.code === "custom") {
    const { code: named, ...params } = (issue.params ?? {}) as Record<string, unknown>;
    if (isFieldCode(named)) return { code: named, ...params } as FieldIssue;
  }
  // A code the schema named itself; codes with parameters come from the issue below.
  if (isFieldCode(issue.message) && issue.code !== "too_big" && issue.code !== "too_small")
    return { code: issue.message } as FieldIssue;
  switch (issue.code) {
    case "invalid_type":
      return typeCodes[issue.expected] ?? { code: "invalid" };
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return { code: "too_long", max };
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_many", max };
      return { code: "too_big", max };
    }
    case "too_small": {
      const min = Number(issue.minimum);
      // Nothing typed, or only spaces (strings are trimmed first).
      if (issue.origin === "string") return min <= 1 ? { code: "required" } : { code: "too_short", min };
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_few", min };
      return { code: "too_small", min };
    }
    case "invalid_format":
      if (issue.format === "email") return { code: "email" };
      if (issue.format === "url") return { code: "url" };
      if (issue.format === "datetime") return { code: "date_time" };
      return { code: "invalid" };
    case "invalid_value":
      return { code: "one_of", options: issue.values.map(String) };
    case "unrecognized_keys":
      return { code: "unknown_field" };
    case "invalid_key":
    case "invalid_element":
      return issue.issues[0] ? issueCode(issue.issues[0]) : { code: "invalid" };
    case "invalid_union": {
      // The branch that got furthest says most: one whose type matched but whose rule failed.
      const near = issue.errors.flat().find((i) => i.code !== "invalid_type");
      return near ? issueCode(near) : { code: "invalid" };
    }
    default:
      return { code: "invalid" };
  }
}

/**
 * A failed parse as field errors, the first issue of each field. An unknown key is named
 * itself rather than its parent; `depth` keys errors by the first n path segments only
 * (a settings form shows a bad third origin on `embedOrigins`).
 */
export function zodFieldErrors(error: ZodError, { depth }: { depth?: number } = {}): FieldErrors {
  // A Map, not an object: a client's key may be "__proto__" or "constructor".
  const fields = new Map<string, FieldIssue>();
  for (const issue of error.issues) {
    const at = issue.path.map(String);
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...at, k]) : [at];
    for (const path of paths) {
      const key = (depth === undefined ? path : path.slice(0, depth)).join(".") || "body";
      if (!fields.has(key)) fields.set(key, issueCode(issue));
    }
  }
  return Object.fromEntries(fields);
}
