import { fill, messages } from "../../../i18n/messages";
import { formatWhen } from "../../../i18n/format";
import { availability } from "./eventPage";
import type { upcomingEvents } from "../../../domain/events";
import { Layout, type PageInfo } from "../layout";

type Upcoming = Awaited<ReturnType<typeof upcomingEvents>>;

/** `/`: the published events that have not ended, soonest first. */
export function HomePage({ page, data }: { page: PageInfo; data: Upcoming }) {
  const { t } = page;
  const title = data.organisation ? fill(t.homeTitleOrg, { org: data.organisation.name }) : t.homeTitle;
  return (
    <Layout page={page} title={`${title} – Plats`} brand={data.organisation?.brand}>
      <h1>{title}</h1>
      {data.events.length === 0 ? <p>{t.noEvents}</p> : null}
      <ul class="events">
        {data.events.map(({ event, organisation }) => {
          // A language the person chose here goes with them; otherwise the event's own applies.
          const chosen = page.url.searchParams.get("lang") === page.lang;
          const href = `/e/${encodeURIComponent(event.slug)}${chosen ? `?lang=${page.lang}` : ""}`;
          const place = [event.venue, event.address].filter(Boolean)[0] ?? (event.online ? messages(page.lang).online : null);
          return (
            <li>
              <h2>
                <a href={href}>{event.title}</a>
              </h2>
              <p>
                <time datetime={event.startsAt}>
                  {formatWhen(new Date(event.startsAt), new Date(event.endsAt), event.timezone, page.lang)}
                </time>
              </p>
              {place ? <p>{place}</p> : null}
              <p>
                {data.organisation ? null : `${organisation.name} · `}
                {availability(page, event).text}
              </p>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
