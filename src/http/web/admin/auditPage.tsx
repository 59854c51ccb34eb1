import type { Member } from "../../../domain/accounts";
import type { AuditLogPage } from "../../../domain/audit";
import { Input } from "./fields";
import { Instant } from "./instant";
import { AdminLayout, ErrorSummary } from "./layout";

const detailText = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(", ");

function Subject({ entry }: { entry: AuditLogPage["entries"][number] }) {
  if (!entry.subjectType) return <>—</>;
  const label = `${entry.subjectType} ${entry.subjectId ?? ""}`.trim();
  return entry.link ? <a href={entry.link.href}>{label}</a> : <span>{label}</span>;
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
  const state = { values: { action }, errors };
  const older = log?.nextBefore ? `/admin/audit?${new URLSearchParams({ before: String(log.nextBefore), ...(action ? { action } : {}) })}` : null;
  return (
    <AdminLayout member={member} orgName={orgName} title="Audit log" section="audit">
      <h1>Audit log</h1>
      <p>Every change made in the workspace, newest first. Times are in UTC.</p>
      <form method="get" action="/admin/audit" class="toolbar" novalidate>
        <ErrorSummary errors={errors} />
        <Input state={state} name="action" label="Actions starting with" hint="e.g. member. or registration.promote" />
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      {log ? (
        log.entries.length ? (
          <div class="table-wrap">
            <table class="data audit">
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((e) => (
                  <tr id={`seq-${e.seq}`}>
                    <td>
                      <Instant at={e.createdAt} />
                    </td>
                    <td>{e.actorEmail}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      <Subject entry={e} />
                    </td>
                    <td class="detail">{detailText(e.detail) || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="notice">No entries{action ? ` for actions starting with “${action}”` : ""}.</p>
        )
      ) : null}
      {older ? (
        <p class="actions">
          <a href={older}>Older entries</a>
        </p>
      ) : null}
    </AdminLayout>
  );
}
