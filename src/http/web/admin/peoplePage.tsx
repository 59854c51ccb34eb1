import { statusBadge } from "./attendeeTable";
import type { Member } from "../../../domain/accounts";
import type { PeopleFound, PersonHit } from "../../../domain/attendees";
import { counted, formatNumber as number } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { formatInstant, listPath } from "./attendeeShared";
import { AdminLayout, wordsFor } from "./layout";


/**
 * Where a hit is on its event's list: every status, searched by the person's own email (which
 * finds them and hardly anyone else), and the row itself as the fragment.
 */
const rowLink = ({ registration: r, event }: PersonHit) => `${listPath(event.id)}?${new URLSearchParams({ status: "all", q: r.email })}#${r.id}`;

const pageLink = (q: string, after?: string) => `/admin/people?${new URLSearchParams(after ? { q, after } : { q })}`;

/** A search for a person across every event of the organisation, a page of hits at a time. */
export function PeoplePage({ member, orgName, found }: { member: Member; orgName: string; found: PeopleFound }) {
  const { language } = member;
  const words = wordsFor(member);
  const t = words.attendees;
  const f = t.finder;
  const col = t.table.columns;
  const shown =
    found.count > found.hits.length || found.continued
      ? fill(f.showing, { from: number(found.from, language), to: number(found.from + found.hits.length - 1, language) })
      : "";
  return (
    <AdminLayout member={member} orgName={orgName} title={f.title} section="people">
      <h1>{f.heading}</h1>
      <form method="get" action="/admin/people" class="toolbar" role="search">
        <div class="field">
          <label for="f-q">{f.query}</label>
          <input id="f-q" type="search" name="q" value={found.q} maxlength={200} aria-describedby="f-q-hint" />
        </div>
        <button type="submit">{f.submit}</button>
      </form>
      <p class="hint" id="f-q-hint">
        {f.hint}
      </p>
      {!found.q ? null : !found.count ? (
        <p class="card">{fill(f.noMatch, { q: found.q })}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="data attendees finder">
              <caption class="small">
                {counted(language, f.count, found.count)}
                {shown}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{col.name}</th>
                  <th scope="col">{col.email}</th>
                  <th scope="col">{col.organisation}</th>
                  <th scope="col">{f.columns.event}</th>
                  <th scope="col">{f.columns.date}</th>
                  <th scope="col">{col.status}</th>
                  <th scope="col">
                    <span class="visually-hidden">{f.open}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.hits.map((hit) => (
                  <tr>
                    <th scope="row">{hit.registration.name}</th>
                    <td class="email">{hit.registration.email}</td>
                    <td>{hit.registration.organisation ?? ""}</td>
                    <td>{hit.event.title}</td>
                    <td class="nowrap">{formatInstant(hit.event.startsAt, hit.event.timezone, language)}</td>
                    <td>
                      <span class={statusBadge[hit.registration.status]}>{t.status[hit.registration.status]}</span>
                    </td>
                    <td class="nowrap">
                      <a href={rowLink(hit)} aria-label={fill(f.openLabel, { name: hit.registration.name, event: hit.event.title })}>
                        {f.open}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {found.continued || found.next ? (
            <nav class="pager" aria-label={t.pager.label}>
              {found.continued ? <a href={pageLink(found.q)}>{t.pager.first}</a> : null}
              {found.next ? (
                <a href={pageLink(found.q, found.next)} rel="next">
                  {t.pager.next}
                </a>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </AdminLayout>
  );
}
