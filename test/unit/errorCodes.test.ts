import { describe, expect, it } from "vitest";
import { z } from "zod";
import { englishFields, englishReasons } from "../../src/i18n/errors";
import { errorStatus, fieldCodes, reasons } from "../../src/lib/errorCodes";
import { AppError, codeOf, codeToStatus, describeError, englishField, invalid } from "../../src/lib/errors";
import { code, issueCode, zodFieldErrors } from "../../src/lib/zodIssues";
import { eventFields, instant, registrationInput } from "../../src/domain/schemas";

const issueOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`${JSON.stringify(value)} was accepted`);
  return issueCode(parsed.error.issues[0]!);
};

describe("zod issues as field codes", () => {
  it.each([
    ["nothing at all", z.string(), undefined, { code: "required" }],
    ["only spaces, once trimmed", z.string().trim().min(1), "   ", { code: "required" }],
    ["too long", z.string().max(200), "x".repeat(201), { code: "too_long", max: 200 }],
    ["too short", z.string().min(10), "kort", { code: "too_short", min: 10 }],
    ["a number too large", z.number().max(20), 21, { code: "too_big", max: 20 }],
    ["a number too small", z.number().min(1), 0, { code: "too_small", min: 1 }],
    ["too many items", z.array(z.string()).max(1), ["a", "b"], { code: "too_many", max: 1 }],
    ["a fraction for a whole number", z.number().int(), 1.5, { code: "whole_number" }],
    ["a string for a number", z.number(), "10", { code: "number" }],
    ["a number for text", z.string(), 5, { code: "text" }],
    ["a string for a yes/no", z.boolean(), "yes", { code: "boolean" }],
    ["a string for a list", z.array(z.string()), "lunch", { code: "list" }],
    ["a string for an object", z.record(z.string(), z.string()), "lunch", { code: "object" }],
    ["not an email", z.email(), "not-an-email", { code: "email" }],
    ["not a web address", z.url({ protocol: /^https?$/ }), "javascript:alert(1)", { code: "url" }],
    ["not a date-time", z.iso.datetime({ offset: true }), "tomorrow", { code: "date_time" }],
    ["not one of the options", z.enum(["sv", "en", "nb"]), "de", { code: "one_of", options: ["sv", "en", "nb"] }],
    ["a pattern that names its code", z.string().regex(/^a*$/, code("one_line")), "b", { code: "one_line" }],
    ["a pattern that names none", z.string().regex(/^a*$/), "b", { code: "invalid" }],
    ["a refinement with parameters", instant, "1999-12-31T23:00:00Z", { code: "year_range", from: 2000, to: 2199 }],
    ["the closest branch of a union", z.union([z.string().max(2), z.boolean()]), "abc", { code: "too_long", max: 2 }],
    ["a record's key", z.record(z.string().max(2), z.string()), { abc: "x" }, { code: "too_long", max: 2 }],
  ])("%s", (_, schema, value, expected) => {
    expect(issueOf(schema as z.ZodType, value)).toEqual(expected);
  });

  it("names each unknown key itself, also keys like __proto__, and keeps the first error of a field", () => {
    const parsed = registrationInput.safeParse(JSON.parse('{"name":"","email":"x","__proto__":1,"colour":"red"}'));
    expect(parsed.success).toBe(false);
    const fields = zodFieldErrors(parsed.error!);
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect({ ...fields }).toEqual({
      name: { code: "required" },
      email: { code: "email" },
      ["__proto__"]: { code: "unknown_field" },
      colour: { code: "unknown_field" },
    });
  });

  it("keys errors by the setting alone when asked (a bad third origin is on the list)", () => {
    const parsed = z.object({ origins: z.array(z.string().max(3)) }).safeParse({ origins: ["a", "b", "long one"] });
    expect(zodFieldErrors(parsed.error!)).toEqual({ "origins.2": { code: "too_long", max: 3 } });
    expect(zodFieldErrors(parsed.error!, { depth: 1 })).toEqual({ origins: { code: "too_long", max: 3 } });
  });

  it("gives the shared event and signup schemas codes, never English", () => {
    const title = z.object({ title: eventFields.title, slug: eventFields.slug, timezone: eventFields.timezone });
    const parsed = title.safeParse({ title: "a\u0007b", slug: "Inte OK", timezone: "Mars/Olympus_Mons" });
    expect(zodFieldErrors(parsed.error!)).toEqual({ title: { code: "one_line" }, slug: { code: "slug_format" }, timezone: { code: "time_zone" } });
    const questions = eventFields.questions.safeParse([{ id: "q", label: "A", kind: "select" }, { id: "r", label: "B", kind: "text" }]);
    expect(zodFieldErrors(questions.error!)).toEqual({ "0.options": { code: "options_for_kind" } });
    const twice = eventFields.questions.safeParse([{ id: "q", label: "A", kind: "text" }, { id: "q", label: "B", kind: "text" }]);
    expect(zodFieldErrors(twice.error!)).toEqual({ body: { code: "unique_ids" } });
  });
});

describe("the code lists", () => {
  it("send every reason as one of the API's error codes, with that code's status", () => {
    for (const [name, { code }] of Object.entries(reasons)) {
      expect(Object.keys(errorStatus), name).toContain(code);
      expect(new AppError(name as "invalid_request").status).toBe(errorStatus[code]);
    }
    expect(codeOf("event_started")).toBe("registration_closed");
    expect(codeToStatus(codeOf("role_not_allowed"))).toBe(403);
    expect(new AppError("code_not_found")).toMatchObject({ reason: "code_not_found", code: "not_found", status: 404 });
  });

  it("have English words for every code and reason, naming exactly its parameters", () => {
    const named = (words: string) => [...words.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [name, params] of Object.entries(fieldCodes)) expect(named(englishFields[name as keyof typeof fieldCodes]), name).toEqual([...params].sort());
    for (const [name, { params }] of Object.entries(reasons)) expect(named(englishReasons[name as keyof typeof reasons]), name).toEqual([...params].sort());
  });

  it("give an AppError an English message for logs, and fields as codes", () => {
    const err = new AppError("not_waitlisted", { name: "Anna Berg" });
    expect(err.message).toBe("Anna Berg is not on the waitlist (any more).");
    const refused = invalid({ name: { code: "too_long", max: 200 }, language: { code: "one_of", options: ["sv", "en", "nb"] } });
    expect(refused.status).toBe(400);
    expect(englishField({ code: "group_limit", max: 5 })).toBe("At most 5 people per signup.");
    expect(describeError(refused)).toBe("The request has invalid fields.\nname: At most 200 characters.\nlanguage: Must be sv, en or nb.");
  });
});
