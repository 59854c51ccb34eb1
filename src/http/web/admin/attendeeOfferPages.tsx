import type { Member } from "../../../domain/accounts";
import type { Language } from "../../../db/schema";
import type { EventRow } from "../../../domain/events";
import type { RegistrationRow } from "../../../domain/registrations";
import { formatDeadline } from "../../../i18n/format";
import { fill } from "../../../i18n/messages";
import { workspaceMessages } from "../../../i18n/workspace";
import { EventLine, Instant, listPath, registrationPath } from "./attendeeShared";
import type { AdminFormState } from "./fields";
import { Input } from "./fields";
import { AdminLayout, ErrorSummary, wordsFor } from "./layout";

/** "reply by 18 Mar 2027, 10:30", "svara senast 18 mars 2027 10:30" beside an offered person's status, in the event's zone. */
export const OfferDeadline = ({ at, timeZone, language }: { at: Date; timeZone: string; language: Language }) => (
  <span class="small nowrap">
    {" "}
    {workspaceMessages(language).attendees.row.replyBy} <Instant at={at} timeZone={timeZone} language={language} />
  </span>
);

/** An offered row's own actions: a new deadline (a page of its own), or taking the offer back. */
export function OfferActions({ eventId, registration: r, language }: { eventId: string; registration: RegistrationRow; language: Language }) {
  const t = workspaceMessages(language).attendees.actions;
  return (
    <>
      <a href={registrationPath(eventId, r.id, "offer/extend")} aria-label={fill(t.extendLabel, { name: r.name })}>
        {t.extend}
      </a>
      <form method="post" action={registrationPath(eventId, r.id, "offer/withdraw")}>
        <button type="submit" class="link" aria-label={fill(t.withdrawLabel, { name: r.name })}>
          {t.withdraw}
        </button>
      </form>
    </>
  );
}

/** A deadline in running text: "torsdag 18 mars 2027 kl. 10.30" in sv and nb (GLOSSARY.md); the list's short form in English. */
function HeldUntil({ at, timeZone, language }: { at: Date | null; timeZone: string; language: Language }) {
  if (!at || language === "en") return <Instant at={at} timeZone={timeZone} language={language} />;
  return <time datetime={at.toISOString()}>{formatDeadline(at, timeZone, language)}</time>;
}

/** The new deadline of an offer, entered on the event's own clock. */
export function ExtendOfferPage({
  member,
  orgName,
  event,
  registration: r,
  state,
}: {
  member: Member;
  orgName: string;
  event: EventRow;
  registration: RegistrationRow;
  state: AdminFormState;
}) {
  const { language } = member;
  const t = wordsFor(member).attendees;
  return (
    <AdminLayout member={member} orgName={orgName} title={t.offer.title} section="events">
      <EventLine event={event} language={language} />
      <h1>{fill(t.offer.heading, { name: r.name })}</h1>
      <p>
        {fill(t.offer.heldUntil, { name: r.name, email: r.email })}
        <HeldUntil at={r.offerExpiresAt} timeZone={event.timezone} language={language} />
        {t.offer.chooseNew}
      </p>
      <ErrorSummary errors={state.errors} language={language} />
      <form method="post" action={registrationPath(event.id, r.id, "offer/extend")} class="card">
        <Input state={state} name="offerExpiresAt" label={fill(t.offer.deadline, { zone: event.timezone })} type="datetime-local" required />
        <div class="actions">
          <button type="submit">{t.offer.submit}</button>
          <a href={listPath(event.id)}>{t.backToList}</a>
        </div>
      </form>
    </AdminLayout>
  );
}
