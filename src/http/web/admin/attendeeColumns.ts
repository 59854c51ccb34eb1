import { invalid } from "../../../lib/errors";

/**
 * The attendance list's columns a member may hide or show; the name, the status, the
 * tick box and the row's menu are always there. The choice lives in the query string
 * (`cols=email,phone`), so a link, a page of the list and the browser's history keep it,
 * and nothing is stored about anyone's taste.
 */
export const optionalColumns = ["email", "organisation", "phone", "answers", "signedUp", "checkedIn", "notes"] as const;
export type Column = (typeof optionalColumns)[number];

/** What a desk at 1280 px shows without scrolling sideways, however many questions the event asks. */
export const defaultColumns: readonly Column[] = ["email", "organisation", "checkedIn", "notes"];

const isColumn = (s: string): s is Column => (optionalColumns as readonly string[]).includes(s);

/**
 * The columns a list request asks for: absent, the default; present (even empty: the
 * chooser sends an empty `cols` beside its boxes, so "none ticked" is a choice), those
 * named, comma-separated or repeated. A name we never offer is refused.
 */
export function readColumns(values: string[] | undefined): Column[] {
  if (values === undefined) return [...defaultColumns];
  const named = values.flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  if (named.length > optionalColumns.length * 2) throw invalid({ cols: { code: "too_many", max: optionalColumns.length } });
  const unknown = named.find((name) => !isColumn(name));
  if (unknown !== undefined) throw invalid({ cols: { code: "one_of", options: [...optionalColumns] } });
  return optionalColumns.filter((c) => named.includes(c));
}

/** The `cols` value that asks for `columns`, or null for the default (so plain links stay plain). */
export function columnsParam(columns: readonly Column[]): string | null {
  const same = columns.length === defaultColumns.length && defaultColumns.every((c) => columns.includes(c));
  return same ? null : columns.join(",");
}
