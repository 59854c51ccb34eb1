import type { Member } from "../../../domain/accounts";
import type { listApiTokens } from "../../../domain/organisations";
import { Input, type AdminFormState } from "./fields";
import { Instant } from "./instant";
import { AdminLayout, ErrorSummary, Notice } from "./layout";

type TokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

interface Props {
  member: Member;
  orgName: string;
  tokens: TokenRow[];
  state: AdminFormState;
  notice?: string;
  /** A token just made: shown this once, never again. */
  created?: { name: string; token: string };
}

function NewToken({ created }: { created: NonNullable<Props["created"]> }) {
  return (
    <section class="card" aria-labelledby="new-token">
      <h2 id="new-token">Your new token “{created.name}”</h2>
      <p>Copy it now and keep it where your integration reads its secrets. It is shown only this once: Plats keeps only a fingerprint of it.</p>
      <p>
        <label for="token-value" class="visually-hidden">
          The new API token
        </label>
        <input id="token-value" class="secret" type="text" readonly value={created.token} autocomplete="off" spellcheck={false} />
      </p>
      <p class="hint">
        Send it as <code>Authorization: Bearer …</code> to <code>/api/v1</code>.
      </p>
    </section>
  );
}

/** API tokens (/admin/tokens): owners make them, see when each was last used, revoke them. */
export function TokensPage({ member, orgName, tokens, state, notice, created }: Props) {
  return (
    <AdminLayout member={member} orgName={orgName} title="API tokens" section="tokens">
      <h1>API tokens</h1>
      <p class="hint">A token lets a program (a CRM, a newsletter tool, a script) use the API on the organisation's behalf. Times in UTC.</p>
      <Notice text={notice} />
      {created ? <NewToken created={created} /> : null}
      {tokens.length ? (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">API tokens of {orgName}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>
                    <Instant at={t.createdAt} />
                  </td>
                  <td>{t.lastUsedAt ? <Instant at={t.lastUsedAt} /> : "Never"}</td>
                  <td>
                    {t.revokedAt ? (
                      <>
                        <span class="badge bad">Revoked</span> <Instant at={t.revokedAt} />
                      </>
                    ) : (
                      <form method="post" action={`/admin/tokens/${t.id}/revoke`} class="toolbar">
                        <span class="badge">Active</span>
                        <button type="submit" class="danger" aria-label={`Revoke ${t.name}`}>
                          Revoke
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No tokens yet.</p>
      )}
      <form method="post" action="/admin/tokens" class="card" novalidate>
        <h2>Make a token</h2>
        <ErrorSummary errors={state.errors} />
        <Input state={state} name="name" label="Name" hint="What it is for, e.g. “CRM sync”: the audit log names it." required autocomplete="off" />
        <button type="submit">Make the token</button>
      </form>
    </AdminLayout>
  );
}
