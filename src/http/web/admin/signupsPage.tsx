import type { Member } from "../../../domain/accounts";
import type { SignupCurve } from "../../../domain/attendees";
import type { Language } from "../../../db/schema";
import { fill, localeTag } from "../../../i18n/messages";
import { EventLine, listPath } from "./attendeeShared";
import { LineChart } from "./charts";
import { AdminLayout, wordsFor } from "./layout";

/** A calendar day of the curve ("2027-03-01") in a sentence: "1 mars 2027", "1. mars 2027", "1 March 2027". */
const dayText = (day: string, language: Language) =>
  new Intl.DateTimeFormat(localeTag[language], { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${day}T12:00:00Z`));

/** How an event filled, day by day on its own calendar, against its capacity. */
export function SignupsPage({ member, orgName, curve }: { member: Member; orgName: string; curve: SignupCurve }) {
  const { event, days } = curve;
  const language = member.language;
  const t = wordsFor(member).events.signups;
  const num = new Intl.NumberFormat(localeTag[language]);
  const confirmed = curve.confirmed.at(-1) ?? 0;
  const waitlisted = curve.waitlisted.at(-1) ?? 0;
  const summary = days.length
    ? fill(t.summary, {
        from: dayText(days[0]!, language),
        to: dayText(days.at(-1)!, language),
        confirmed: num.format(confirmed),
        capacity: num.format(event.capacity),
        waitlisted: num.format(waitlisted),
      })
    : t.nobody;
  return (
    <AdminLayout member={member} orgName={orgName} title={fill(t.title, { event: event.title })} section="events">
      <h1>{t.heading}</h1>
      <EventLine event={event} language={member.language} />
      <p class="hint">{t.hint}</p>
      {days.length ? (
        <LineChart
          id="signups"
          title={fill(t.chartTitle, { event: event.title })}
          summary={summary}
          series={[
            { label: t.confirmed, tone: "ok" },
            { label: t.waitlisted, tone: "wait" },
          ]}
          days={days}
          values={[curve.confirmed, curve.waitlisted]}
          level={{ label: fill(t.capacity, { n: num.format(event.capacity) }), value: event.capacity }}
          language={language}
        />
      ) : (
        <p>{summary}</p>
      )}
      <p>
        <a href={listPath(event.id)}>{t.back}</a>
      </p>
    </AdminLayout>
  );
}
