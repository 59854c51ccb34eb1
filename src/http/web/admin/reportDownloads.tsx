import type { Language } from "../../../db/schema";
import { workspaceMessages } from "../../../i18n/workspace";

const exportHref = (name: string, ext: string, r: { from: string; to: string }, sep?: string) =>
  `/admin/reports/${name}.${ext}?${new URLSearchParams({ from: r.from, to: r.to, ...(sep ? { sep } : {}) })}`;

/** A report part's three downloads for the period shown: Excel, CSV, and CSV with semicolons. */
export function ReportDownloads({ name, range, language }: { name: string; range: { from: string; to: string }; language: Language }) {
  const r = workspaceMessages(language).records.reports;
  return (
    <p class="downloads">
      {r.download} <a href={exportHref(name, "xlsx", range)}>{r.xlsx}</a> · <a href={exportHref(name, "csv", range)}>{r.csv}</a> ·{" "}
      <a href={exportHref(name, "csv", range, "semicolon")}>{r.csvSemicolon}</a>
    </p>
  );
}
