import type { Context } from "hono";
import { formBody } from "../signupSubmission";

/** A submitted admin form, read leniently: a missing or unreadable field is "". */
export interface AdminForm {
  one(name: string): string;
  many(name: string): string[];
  /** A checkbox: present and not "off". */
  checked(name: string): boolean;
}

export async function readForm(c: Context): Promise<AdminForm> {
  const body = await formBody(c);
  const all = (name: string) => [body[name] ?? []].flat().filter((v): v is string => typeof v === "string");
  return {
    one: (name) => all(name)[0] ?? "",
    many: all,
    checked: (name) => {
      const v = all(name)[0];
      return v !== undefined && v !== "" && v !== "off";
    },
  };
}

/** Blank means "not given". */
export const blankToUndefined = (value: string) => (value.trim() === "" ? undefined : value.trim());

/**
 * The registrations ticked on the attendance list: each `ids` box, and with "all on this
 * page" ticked the page's own ids too (sent as `page`), so the choice needs no script.
 * Checked by the domain (`parseSelection`), never trusted here.
 */
export const selectedIds = (form: AdminForm) => [...form.many("ids"), ...(form.one("all") === "1" ? form.many("page") : [])];
