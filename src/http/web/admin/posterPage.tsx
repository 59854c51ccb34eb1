import type { Member } from "../../../domain/accounts";
import type { EventRow } from "../../../domain/events";
import { formatWhen } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { QrSvg } from "../pages/checkinPass";
import { listPath } from "./attendeeShared";
import { AdminLayout, wordsFor } from "./layout";

/** The link as people type it off a wall: without the scheme. */
const shortLink = (link: string) => link.replace(/^https?:\/\//, "");

/**
 * A poster for a wall or a door, one A4 page: the title large, when and where, the QR code
 * of the public link big, and the link written out for those who type it. On paper the
 * workspace bar and the instructions are gone.
 */
export function PosterPage({ member, orgName, event, link }: { member: Member; orgName: string; event: EventRow; link: string }) {
  const t = wordsFor(member).events.share;
  const p = t.posterPage;
  const place = [event.venue, event.address].filter(Boolean).join(", ") || (event.onlineUrl ? p.online : "");
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(p.title, { event: event.title })} section="events">
      <div class="no-print print-tools">
        <p>
          <a href={`${listPath(event.id)}/share`}>{p.back}</a>
        </p>
        <p class="notice">{p.howTo}</p>
      </div>
      <article class="poster">
        <h1 class="poster-title">{event.title}</h1>
        <p class="poster-when">{formatWhen(event.startsAt, event.endsAt, event.timezone, member.language)}</p>
        {place ? <p class="poster-where">{place}</p> : null}
        <div class="poster-qr">
          <QrSvg text={link} label={fill(t.qrLabel, { event: event.title })} px={400} />
        </div>
        <p class="poster-scan">{p.scan}</p>
        <p class="poster-link">{shortLink(link)}</p>
        <p class="poster-org">{orgName}</p>
      </article>
    </AdminLayout>
  );
}
