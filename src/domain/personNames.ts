import type { z } from "zod";

/** A person as lists and letters need them: the full name, and its two parts. */
export interface PersonNames {
  name: string;
  firstName: string;
  lastName: string;
}

/** The full name as written everywhere a person is shown: first name, then last name. */
export const fullName = (firstName: string, lastName: string) => [firstName.trim(), lastName.trim()].filter(Boolean).join(" ");

/**
 * A name given as one field, split the way most of our names read: the last word is the
 * last name, everything before it the first name(s) ("Anna Maria Svensson" → "Anna
 * Maria" + "Svensson"). A single word is a first name. The migration of names stored
 * before the split (migrations/0015) applies the same rule in SQL.
 */
export function splitFullName(name: string): Pick<PersonNames, "firstName" | "lastName"> {
  const words = name.split(" ").filter(Boolean);
  if (words.length < 2) return { firstName: words[0] ?? "", lastName: "" };
  return { firstName: words.slice(0, -1).join(" "), lastName: words.at(-1)! };
}

/** The names of someone given with or without the parts (a test, the demo, an import). */
export const personNames = (p: { name: string; firstName?: string; lastName?: string }): PersonNames =>
  p.firstName !== undefined ? { name: p.name, firstName: p.firstName, lastName: p.lastName ?? "" } : { name: p.name, ...splitFullName(p.name) };

type NameFields = { firstName?: string; lastName?: string; name?: string };
const parts = ["firstName", "lastName"] as const;

/**
 * A person entered either as `firstName` and `lastName` (the forms, the API) or as `name`
 * alone (integrations written before the split): never both, and both parts when parts.
 * The result carries all three, so the domain never guesses which form it was given.
 */
export function withPersonNames<S extends z.ZodType<NameFields>>(schema: S) {
  return schema
    .superRefine((v, ctx) => {
      if (v.name !== undefined) {
        for (const key of parts) if (v[key] !== undefined) ctx.addIssue({ code: "custom", path: [key], params: { code: "unknown_field" } });
        return;
      }
      for (const key of parts) if (v[key] === undefined) ctx.addIssue({ code: "custom", path: [key], params: { code: "required" } });
    })
    .transform((v) => {
      const { firstName, lastName, name, ...rest } = v as z.output<S> & NameFields;
      const names: PersonNames =
        name !== undefined
          ? { name: name.trim(), ...splitFullName(name) }
          : { name: fullName(firstName!, lastName!), firstName: firstName!.trim(), lastName: lastName!.trim() };
      return { ...(rest as Omit<z.output<S>, keyof NameFields>), ...names };
    });
}
