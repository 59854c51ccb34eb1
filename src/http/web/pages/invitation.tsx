import type { Language } from "../../../db/schema";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import type { EventPage, PublicEventView } from "../../../domain/events";
import { telHref, type PublicBrand } from "../../../domain/organisations";
import type { PageInfo } from "../layout";

/**
 * What the visitor's link makes of an event page: an invitee's (their name, the seats
 * their invitation has left, and its token, which the form sends back), or why a link
 * was refused (the refusal in the page's words). Absent: no link was given.
 */
export type AccessView = { invited: { name: string; seatsLeft: number; token: string; language?: Language | null } } | { refused: string };

/** How to reach the organiser: who to ask about an invitation. */
export function OrganiserContact({ brand, page }: { brand: PublicBrand; page: PageInfo }) {
  if (!brand.contactEmail && !brand.contactPhone) return null;
  return (
    <p>
      {fill(page.t.access.contact, { org: brand.name })}{" "}
      {brand.contactEmail ? <a href={`mailto:${brand.contactEmail}`}>{brand.contactEmail}</a> : null}
      {brand.contactEmail && brand.contactPhone ? ", " : null}
      {brand.contactPhone ? <a href={telHref(brand.contactPhone)}>{brand.contactPhone}</a> : null}
    </p>
  );
}

/** In place of the form: the event is by invitation (or the link was refused), and whom to ask. */
export function InvitationOnly({ data, page, refused }: { data: EventPage; page: PageInfo; refused?: string }) {
  return (
    <>
      <p class={`notice ${refused ? "wait" : ""}`.trim()} role={refused ? "alert" : undefined}>
        {refused ?? page.t.access.byInvitation}
      </p>
      {refused ? <p>{page.t.access.byInvitation}</p> : null}
      <OrganiserContact brand={data.organisation.brand} page={page} />
    </>
  );
}

/** Above an invitee's form: a welcome by name, and how many seats the link has left. */
export function InvitedIntro({ invited, event, page }: { invited: { name: string; seatsLeft: number }; event: PublicEventView; page: PageInfo }) {
  const { t } = page;
  return (
    <div class="notice ok">
      <p>
        <strong>{fill(t.access.invitedTitle, { name: invited.name })}</strong> {fill(t.access.invited, { event: event.title })}
      </p>
      <p>{plural(page.lang, t.access.invitedSeats, invited.seatsLeft)}</p>
    </div>
  );
}
