import type { Language, Role } from "../../../db/schema";
import type { Member, UserRow } from "../../../domain/accounts";
import { fill } from "../../../i18n/messages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { Input, Select, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";

const roles: Role[] = ["owner", "organiser", "checkin"];

/** Each role with what it may do, as the add form offers them. */
const roleOptions = (t: WorkspaceMessages): [Role, string][] => roles.map((r) => [r, t.organisation.roleOptions[r]]);

/** Each language in its own words, as the header's switch writes them. */
const languageOptions = (t: WorkspaceMessages): [Language, string][] => (["sv", "en", "nb"] as const).map((l) => [l, t.shell.languageNames[l]]);

/** A new member's emails start in the language of the member adding them. */
export const newMemberDefaults = (language: Language) => ({ role: "organiser", language });

interface Props {
  member: Member;
  orgName: string;
  members: UserRow[];
  state: AdminFormState;
  notice?: string;
  /** A refused change that is not about the add form (the last owner). */
  problem?: string;
}

function RoleForm({ row, t }: { row: UserRow; t: WorkspaceMessages }) {
  const id = `role-${row.id}`;
  return (
    <form method="post" action={`/admin/members/${row.id}/role`} class="toolbar">
      <div class="field">
        <label for={id} class="visually-hidden">
          {fill(t.organisation.members.roleOf, { email: row.email })}
        </label>
        <select id={id} name="role">
          {roles.map((value) => (
            <option value={value} selected={row.role === value}>
              {t.organisation.roles[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        {t.organisation.members.changeRole}
      </button>
    </form>
  );
}

export function MembersPage({ member, orgName, members, state, notice, problem }: Props) {
  const all = wordsFor(member);
  const t = all.organisation.members;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="members">
      <h1>{t.title}</h1>
      <Notice text={notice} />
      {problem ? (
        <p class="notice bad" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="data">
          <caption class="visually-hidden">{fill(t.caption, { org: orgName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">{t.signsInWith}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((row) => (
              <tr>
                <td>
                  {row.email}
                  {row.id === member.id ? <span class="small"> {t.you}</span> : null}
                </td>
                <td>{row.name ?? "—"}</td>
                <td>
                  <RoleForm row={row} t={all} />
                </td>
                <td>{row.passwordHash ? t.passwordOrLink : t.linkOnly}</td>
                <td>
                  <a href={`/admin/members/${row.id}/remove`}>{t.remove}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form method="post" action="/admin/members" class="card" novalidate>
        <h2>{t.add}</h2>
        <p class="hint">{t.addHint}</p>
        <ErrorSummary errors={state.errors} language={member.language} />
        <div class="grid-form">
          <Input state={state} name="email" type="email" label={t.email} required autocomplete="off" />
          <Input state={state} name="name" label={t.name} hint={t.optional} autocomplete="off" />
          <Select state={state} name="role" label={t.role} options={roleOptions(all)} />
          <Select state={state} name="language" label={t.emailLanguage} options={languageOptions(all)} />
        </div>
        <button type="submit">{t.addButton}</button>
      </form>
    </AdminLayout>
  );
}

export function RemoveMemberPage({ member, orgName, target, lastOwner }: { member: Member; orgName: string; target: UserRow; lastOwner: boolean }) {
  const self = target.id === member.id;
  const t = wordsFor(member).organisation.members;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.removeTitle} section="members">
      <h1>{fill(t.removeHeading, { name: target.name || target.email })}</h1>
      {lastOwner ? (
        <p class="notice bad" role="alert">
          {t.lastOwner}
        </p>
      ) : (
        <form method="post" action={`/admin/members/${target.id}/remove`} class="card">
          <p>
            {self ? `${t.removeSelf} ${t.removeSelfKept}` : `${fill(t.removeOther, { email: target.email })} ${t.removeKept}`}
          </p>
          <div class="actions">
            <button type="submit" class="danger">
              {self ? t.removeMyself : t.removeMember}
            </button>
            <a href="/admin/members">{t.keep}</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
