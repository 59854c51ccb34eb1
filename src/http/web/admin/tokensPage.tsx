import type { Member } from "../../../domain/accounts";
import type { listApiTokens } from "../../../domain/organisations";
import { fill } from "../../../i18n/messages";
import type { WorkspaceMessages } from "../../../i18n/workspace";
import { Input, type AdminFormState } from "./fields";
import { AdminLayout, ErrorSummary, Notice, wordsFor } from "./layout";
import { Instant } from "./instant";

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

function NewToken({ created, t }: { created: NonNullable<Props["created"]>; t: WorkspaceMessages["organisation"]["tokens"] }) {
  return (
    <section class="card" aria-labelledby="new-token">
      <h2 id="new-token">{fill(t.newHeading, { name: created.name })}</h2>
      <p>{t.newCopy}</p>
      <p>
        <label for="token-value" class="visually-hidden">
          {t.newLabel}
        </label>
        <input id="token-value" class="secret" type="text" readonly value={created.token} autocomplete="off" spellcheck={false} />
      </p>
      <p class="hint">
        {t.sendAs.before}
        <code>Authorization: Bearer …</code>
        {t.sendAs.between}
        <code>/api/v1</code>
        {t.sendAs.after}
      </p>
    </section>
  );
}

/** API tokens (/admin/tokens): owners make them, see when each was last used, revoke them. */
export function TokensPage({ member, orgName, tokens, state, notice, created }: Props) {
  const t = wordsFor(member).organisation.tokens;
  const language = member.language;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.title} section="tokens">
      <h1>{t.title}</h1>
      <p class="hint">{t.intro}</p>
      <Notice text={notice} />
      {created ? <NewToken created={created} t={t} /> : null}
      {tokens.length ? (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{fill(t.caption, { org: orgName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.made}</th>
                <th scope="col">{t.lastUsed}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr>
                  <td>{token.name}</td>
                  <td>
                    <Instant at={token.createdAt} language={language} />
                  </td>
                  <td>{token.lastUsedAt ? <Instant at={token.lastUsedAt} language={language} /> : t.never}</td>
                  <td>
                    {token.revokedAt ? (
                      <>
                        <span class="badge bad">{t.revoked}</span> <Instant at={token.revokedAt} language={language} />
                      </>
                    ) : (
                      <form method="post" action={`/admin/tokens/${token.id}/revoke`} class="toolbar">
                        <span class="badge">{t.active}</span>
                        <button type="submit" class="danger" aria-label={fill(t.revokeLabel, { name: token.name })}>
                          {t.revoke}
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
        <p>{t.none}</p>
      )}
      <form method="post" action="/admin/tokens" class="card" novalidate>
        <h2>{t.make}</h2>
        <ErrorSummary errors={state.errors} language={language} />
        <Input state={state} name="name" label={t.name} hint={t.nameHint} required autocomplete="off" />
        <button type="submit">{t.makeButton}</button>
      </form>
    </AdminLayout>
  );
}
