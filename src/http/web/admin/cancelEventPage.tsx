import { formatWhen } from "../../../i18n/format";
import { fill, localeTag } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import { isEditable, type EventWithCounts } from "../../../domain/events";
import type { Member } from "../../../domain/accounts";
import { AdminLayout, wordsFor } from "./layout";

/** The confirmation step before cancelling: who will be told, and that it cannot be undone. */
export function CancelEventPage({ member, orgName, row }: { member: Member; orgName: string; row: EventWithCounts }) {
  const e = row.event;
  const language = member.language;
  const t = wordsFor(member).events.cancel;
  const num = new Intl.NumberFormat(localeTag[language]);
  const told = row.confirmed + row.offered + row.waitlisted;
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.title, { event: e.title })} section="events">
      <h1>{fill(t.heading, { event: e.title })}</h1>
      <p>{formatWhen(e.startsAt, e.endsAt, e.timezone, language)}</p>
      {!isEditable(e) ? (
        <p class="notice">{t.alreadyCancelled}</p>
      ) : (
        <form method="post" class="card">
          <p>
            <strong>{plural(language, t.told, told)}</strong>{" "}
            {fill(t.counts, { confirmed: num.format(row.confirmed), waitlisted: num.format(row.waitlisted) })} {t.consequences}
          </p>
          <div class="actions">
            <button type="submit" class="danger">
              {plural(language, t.confirm, told)}
            </button>
            <a href={`/admin/events/${e.id}`}>{t.keep}</a>
          </div>
        </form>
      )}
    </AdminLayout>
  );
}
