import type { Member } from "../../../domain/accounts";
import type { AuditLogPage } from "../../../domain/audit";
import { fill } from "../../../i18n/messages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { Input } from "./fields";
import { Instant } from "./instant";
import { AdminLayout, ErrorSummary, wordsFor } from "./layout";

type AuditWords = WorkspaceMessages["records"]["audit"];

/** What a stored action code means to a reader; an unknown code is shown as it is. */
export const actionText = (action: string, t: AuditWords) => t.actions[action] ?? action;

const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");

function Subject({ entry, t }: { entry: AuditLogPage["entries"][number]; t: AuditWords }) {
  if (!entry.subjectType) return <>—</>;
  const label = `${t.subjects[entry.subjectType] ?? entry.subjectType} ${entry.subjectId ?? ""}`.trim();
  return entry.link ? <a href={entry.link.href}>{label}</a> : <span>{label}</span>;
}

/** The action as words, with its stored code under it: the code is what the filter takes. */
function Action({ action, t }: { action: string; t: AuditWords }) {
  const words = t.actions[action];
  return words ? (
    <>
      {words}
      <br />
      <span class="small">
        <code>{action}</code>
      </span>
    </>
  ) : (
    <code>{action}</code>
  );
}

export function AuditPage({
  member,
  orgName,
  log,
  action,
  errors = {},
}: {
  member: Member;
  orgName: string;
  log: AuditLogPage | null;
  action: string;
  errors?: Record<string, string>;
}) {
  const t = wordsFor(member).records.audit;
  const state = { values: { action }, errors };
  const older = log?.nextBefore ? `/admin/audit?${new URLSearchParams({ before: String(log.nextBefore), ...(action ? { action } : {}) })}` : null;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="audit">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="get" action="/admin/audit" class="toolbar" novalidate>
        <ErrorSummary errors={errors} language={member.language} />
        <Input state={state} name="action" label={t.actionFilter} hint={t.actionHint} />
        <button type="submit" class="secondary">
          {t.filter}
        </button>
      </form>
      {log ? (
        log.entries.length ? (
          <div class="table-wrap">
            <table class="data audit">
              <thead>
                <tr>
                  <th scope="col">{t.time}</th>
                  <th scope="col">{t.who}</th>
                  <th scope="col">{t.action}</th>
                  <th scope="col">{t.subject}</th>
                  <th scope="col">{t.detail}</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((e) => (
                  <tr id={`seq-${e.seq}`}>
                    <td>
                      <Instant at={e.createdAt} language={member.language} />
                    </td>
                    <td>{e.actorEmail}</td>
                    <td>
                      <Action action={e.action} t={t} />
                    </td>
                    <td>
                      <Subject entry={e} t={t} />
                    </td>
                    <td class="detail">{detailText(e.detail) || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="notice">{action ? fill(t.noneFor, { action }) : t.none}</p>
        )
      ) : null}
      {older ? (
        <p class="actions">
          <a href={older}>{t.older}</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
