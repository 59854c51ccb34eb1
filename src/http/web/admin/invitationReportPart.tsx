import type { Language } from "../../../db/schema";
import { NO_ORGANISATION, type InvitationLine } from "../../../domain/reports";
import { formatNumber } from "../../../i18n/format";
import { workspaceMessages } from "../../../i18n/workspace";

/** The report's part for events by invitation: invited, registered and attended per organisation. */
export function InvitationReportPart({ lines, language }: { lines: InvitationLine[]; language: Language }) {
  const t = workspaceMessages(language).access.report;
  const Num = ({ n }: { n: number }) => <td class="num">{formatNumber(n, language)}</td>;
  return (
    <section aria-labelledby="invited-by-organisation">
      <h2 id="invited-by-organisation">{t.title}</h2>
      <p class="small">{t.explained}</p>
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t.organisation}</th>
              <th scope="col" class="num">{t.invited}</th>
              <th scope="col" class="num">{t.registered}</th>
              <th scope="col" class="num">{t.attended}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr>
                <td>{l.organisation === NO_ORGANISATION ? t.noOrganisation : l.organisation}</td>
                <Num n={l.invited} />
                <Num n={l.registered} />
                <Num n={l.attended} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
