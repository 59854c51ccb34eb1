import type { Role } from "../../../db/schema";
import type { Member, UserRow } from "../../../domain/accounts";
import { Input, Select, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice } from "./layout";

export const roleOptions: [Role, string][] = [
  ["owner", "Owner — everything, including members and settings"],
  ["organiser", "Organiser — events and attendees"],
  ["checkin", "Check-in — only the check-in view"],
];
const roleNames: Record<Role, string> = { owner: "Owner", organiser: "Organiser", checkin: "Check-in" };

const languageOptions: [string, string][] = [
  ["sv", "Svenska"],
  ["en", "English"],
  ["nb", "Norsk bokmål"],
];

export const newMemberDefaults = { role: "organiser", language: "sv" };

interface Props {
  member: Member;
  orgName: string;
  members: UserRow[];
  state: AdminFormState;
  notice?: string;
  /** A refused change that is not about the add form (the last owner). */
  problem?: string;
}

function RoleForm({ row }: { row: UserRow }) {
  const id = `role-${row.id}`;
  return (
    <form method="post" action={`/admin/members/${row.id}/role`} class="toolbar">
      <div class="field">
        <label for={id} class="visually-hidden">
          Role of {row.email}
        </label>
        <select id={id} name="role">
          {roleOptions.map(([value]) => (
            <option value={value} selected={row.role === value}>
              {roleNames[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        Change
      </button>
    </form>
  );
}

export function MembersPage({ member, orgName, members, state, notice, problem }: Props) {
  return (
    <AdminLayout member={member} orgName={orgName} title="Members" section="members">
      <h1>Members</h1>
      <Notice text={notice} />
      {problem ? (
        <p class="notice bad" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="data">
          <caption class="visually-hidden">Members of {orgName}</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Signs in with</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {members.map((row) => (
              <tr>
                <td>
                  {row.email}
                  {row.id === member.id ? <span class="small"> (you)</span> : null}
                </td>
                <td>{row.name ?? "—"}</td>
                <td>
                  <RoleForm row={row} />
                </td>
                <td>{row.passwordHash ? "Password or link" : "Login link only"}</td>
                <td>
                  <a href={`/admin/members/${row.id}/remove`}>Remove…</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form method="post" action="/admin/members" class="card" novalidate>
        <h2>Add a member</h2>
        <p class="hint">They get an email with a sign-in link and can set a password under Account.</p>
        <ErrorSummary errors={state.errors} />
        <div class="grid-form">
          <Input state={state} name="email" type="email" label="Email" required autocomplete="off" />
          <Input state={state} name="name" label="Name" hint="Optional." autocomplete="off" />
          <Select state={state} name="role" label="Role" options={roleOptions} />
          <Select state={state} name="language" label="Language of their emails" options={languageOptions} />
        </div>
        <button type="submit">Add and send a sign-in link</button>
      </form>
    </AdminLayout>
  );
}

export function RemoveMemberPage({ member, orgName, target, lastOwner }: { member: Member; orgName: string; target: UserRow; lastOwner: boolean }) {
  const self = target.id === member.id;
  return (
    <AdminLayout member={member} orgName={orgName} title="Remove a member" section="members">
      <h1>Remove {target.name || target.email}?</h1>
      {lastOwner ? (
        <p class="notice bad" role="alert">
          This is the organisation's last owner and cannot be removed. Make another member an owner first.
        </p>
      ) : (
        <form method="post" action={`/admin/members/${target.id}/remove`} class="card">
          <p>
            {self
              ? "You will be signed out at once and can no longer sign in to this organisation."
              : `${target.email} will be signed out everywhere at once and can no longer sign in.`}{" "}
            What they did stays in the audit log under their address. You can add them again later.
          </p>
          <div class="actions">
            <button type="submit" class="danger">
              Remove {self ? "myself" : "the member"}
            </button>
            <a href="/admin/members">Keep them</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
