import { and, ne } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { events } from "../../db/schema";
import type { OrgScope, ServiceContext } from "../context";
import { commonSpelling, NO_ORGANISATION, organisationKey, reportScope } from "./participationReport";
import type { ReportRange } from "./reportRange";

/** One session of the period: its seats and how many were checked in to it. */
export interface SessionLine {
  eventId: string;
  eventTitle: string;
  timezone: string;
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  hours: number;
  seats: number;
  checkedIn: number;
}

/** A person's hours in sessions: the sessions they were checked in to and their lengths summed. */
export interface PersonHours {
  name: string;
  email: string;
  organisation: string;
  sessions: number;
  hours: number;
}

/** A company's hours: the sum of its people's (each arrival counted under the company it was registered with). */
export interface OrganisationHours {
  organisation: string;
  people: number;
  sessions: number;
  hours: number;
}

export interface SessionReport extends ReportRange {
  sessions: SessionLine[];
  people: PersonHours[];
  organisations: OrganisationHours[];
  totalHours: number;
}

const HOUR_MS = 3_600_000;
/** Hours to two decimals, as the page and the files show them. */
const hoursOf = (ms: number) => Math.round((Number(ms) * 100) / HOUR_MS) / 100;
const byName = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

/**
 * The one rule of hours in sessions: every arrival at a session that goes ahead, of an
 * event with a programme, counts the session's length. Anonymised events have nobody to
 * name and count in no one's hours. `eventIds` is a JSON array (one bound value).
 */
const arrivals = (eventIds: string) => sql`
  SELECT r.email_key AS emailKey, r.seq, r.name, r.email, trim(coalesce(r.organisation, '')) AS organisation, s.ends_at - s.starts_at AS ms
  FROM session_choices c
  JOIN event_sessions s ON s.id = c.session_id AND s.status = 'scheduled'
  JOIN events e ON e.id = s.event_id AND e.programme <> 'none' AND e.anonymised_at IS NULL
  JOIN registrations r ON r.id = c.registration_id
  WHERE c.status = 'confirmed' AND c.checked_in_at IS NOT NULL
    AND s.event_id IN (SELECT value FROM json_each(${eventIds}))`;

/**
 * Attendance per session across the organisation's events with a programme that start
 * in the range, and hours in sessions per person and per company (for funders' reports,
 * such as EU projects that count hours of competence development). Summed in SQL; the
 * company lines merge the spellings of one company as the participation report does.
 */
export async function sessionReport({ ctx, input }: { ctx: ServiceContext; input: OrgScope & ReportRange }): Promise<SessionReport> {
  const { inScope, inRange } = reportScope(input);
  const inPeriod = (await ctx.db.select({ id: events.id, startsAt: events.startsAt, timezone: events.timezone }).from(events).where(and(inScope, ne(events.programme, "none")))).filter(inRange);
  const ids = JSON.stringify(inPeriod.map((e) => e.id));
  const [sessionRows, personRows, companyRows] = await Promise.all([
    ctx.db.all<Omit<SessionLine, "startsAt" | "endsAt" | "hours"> & { startsAt: number; endsAt: number }>(sql`
      SELECT e.id AS eventId, e.title AS eventTitle, e.timezone, s.id, s.title, s.starts_at AS startsAt, s.ends_at AS endsAt,
             coalesce(t.confirmed, 0) AS seats,
             (SELECT count(*) FROM session_choices c WHERE c.session_id = s.id AND c.status = 'confirmed' AND c.checked_in_at IS NOT NULL) AS checkedIn
      FROM event_sessions s JOIN events e ON e.id = s.event_id LEFT JOIN session_tallies t ON t.session_id = s.id
      WHERE s.status = 'scheduled' AND s.event_id IN (SELECT value FROM json_each(${ids}))
      ORDER BY s.starts_at, e.title, s.position`),
    // The name, email and company of each person's latest registration among them (SQLite takes the bare columns from the max(seq) row).
    ctx.db.all<{ latest: number; name: string; email: string; organisation: string; sessions: number; ms: number }>(sql`
      WITH a AS (${arrivals(ids)})
      SELECT max(seq) AS latest, name, email, organisation, count(*) AS sessions, sum(ms) AS ms FROM a GROUP BY emailKey`),
    ctx.db.all<{ organisation: string; emailKey: string; sessions: number; ms: number }>(sql`
      WITH a AS (${arrivals(ids)})
      SELECT organisation, emailKey, count(*) AS sessions, sum(ms) AS ms FROM a GROUP BY organisation, emailKey`),
  ]);

  const companies = new Map<string, { spellings: Map<string, number>; people: Set<string>; sessions: number; ms: number }>();
  for (const row of companyRows) {
    const key = organisationKey(row.organisation);
    const company = companies.get(key) ?? { spellings: new Map(), people: new Set(), sessions: 0, ms: 0 };
    companies.set(key, company);
    company.spellings.set(row.organisation, (company.spellings.get(row.organisation) ?? 0) + 1);
    company.people.add(row.emailKey);
    company.sessions += Number(row.sessions);
    company.ms += Number(row.ms);
  }
  const organisations = [...companies.entries()]
    .map(([key, c]) => ({ organisation: key ? commonSpelling(c.spellings) : NO_ORGANISATION, people: c.people.size, sessions: c.sessions, hours: hoursOf(c.ms), blank: key === "" }))
    .sort((a, b) => Number(a.blank) - Number(b.blank) || b.hours - a.hours || byName.compare(a.organisation, b.organisation))
    .map(({ blank: _blank, ...line }) => line);
  const people = personRows
    .map((p) => ({ name: p.name, email: p.email, organisation: p.organisation, sessions: Number(p.sessions), hours: hoursOf(p.ms) }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.email.localeCompare(b.email));

  return {
    from: input.from,
    to: input.to,
    sessions: sessionRows.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), hours: hoursOf(s.endsAt - s.startsAt), seats: Number(s.seats), checkedIn: Number(s.checkedIn) })),
    people,
    organisations,
    totalHours: hoursOf(personRows.reduce((n, p) => n + Number(p.ms), 0)),
  };
}
