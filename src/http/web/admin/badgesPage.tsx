import type { Member } from "../../../domain/accounts";
import type { EventRow } from "../../../domain/events";
import { fill } from "../../../i18n/messages";
import { AdminLayout, ROWS_SLOT, wordsFor } from "./layout";
import { counted, formatNumber as formatCount } from "../../../i18n/format";

/** Badges per A4 sheet: two across, four down (labels of about 99 × 67 mm, such as Avery L7165). */
export const BADGES_PER_SHEET = 8;

type Attendee = { id: string; name: string; organisation: string };

/** One sheet of badges, rendered a part at a time (see `streamAdmin`). */
export const BadgeSheet = ({ event, attendees }: { event: EventRow; attendees: Attendee[] }) => (
  <div class="badge-sheet">
    {attendees.map((a) => (
      <div class="name-badge">
        <p class="badge-name">{a.name}</p>
        {a.organisation ? <p class="badge-org">{a.organisation}</p> : null}
        <p class="badge-event">{event.title}</p>
      </div>
    ))}
  </div>
);

/**
 * Name badges for everyone with a seat, by name, on A4 sheets of labels. On screen a
 * preview; on paper only the sheets, each a page of its own.
 */
export function BadgesPage({ member, orgName, event, count }: { member: Member; orgName: string; event: EventRow; count: number }) {
  const { language } = member;
  const t = wordsFor(member).checkin.badges;
  const layout = () =>
    fill(t.layout, {
      badges: counted(language, t.badges, count),
      sheets: counted(language, t.sheets, Math.ceil(count / BADGES_PER_SHEET)),
      perSheet: formatCount(BADGES_PER_SHEET, language),
    });
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.title, { event: event.title })} section="events">
      <div class="no-print print-tools">
        <h1>{t.heading}</h1>
        <p>
          <a href={`/admin/events/${event.id}`}>{t.back}</a>
        </p>
        <p class="notice">{count === 0 ? t.nobody : layout()}</p>
      </div>
      <div class="badge-sheets">{ROWS_SLOT}</div>
    </AdminLayout>
  );
}
