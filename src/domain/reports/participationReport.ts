import { and, eq, gte, lt, ne } from "drizzle-orm";
import { events, registrations } from "../../db/schema";
import { toLocalInput } from "../../lib/localTime";
import type { OrgScope, ServiceContext } from "../context";
import type { ReportRange } from "./reportRange";

export const NO_ORGANISATION = "(no organisation)";

export interface OrganisationLine {
  organisation: string;
  people: number;
  registrations: number;
  confirmed: number;
  attended: number;
  events: number;
}

export interface PersonLine {
  name: string;
  email: string;
  organisation: string;
  /** Events this person held a confirmed seat at. */
  confirmed: number;
  /** Events this person was checked in at. */
  attended: number;
}

/** One calendar month (of the events' starts, on their own clocks): `2027-03`. */
export interface MonthLine {
  month: string;
  registrations: number;
  confirmed: number;
  attended: number;
}

export interface ParticipationReport extends ReportRange {
  organisations: OrganisationLine[];
  /** Every month of the range, in order, those without events included. */
  months: MonthLine[];
  people: PersonLine[];
  /** Over everything named above: distinct people and events, summed registrations. */
  totals: OrganisationLine;
  /** Events in the range (cancelled events are never counted), and how many retention anonymised. */
  events: number;
  anonymisedEvents: number;
  /**
   * Live registrations of anonymised events: in the totals (registrations, confirmed,
   * attended, events) but in no organisation's or person's line, there being nobody to
   * name; nor in the count of people, as they can no longer be told apart.
   */
  anonymisedRegistrations: number;
  anonymisedConfirmed: number;
  anonymisedAttended: number;
  /** Cancelled registrations, left out of every other number. */
  cancelledRegistrations: number;
}

const DAY_MS = 86_400_000;
const byName = new Intl.Collator("sv", { sensitivity: "base", numeric: true });


interface OrganisationTally {
  spellings: Map<string, number>;
  people: Set<string>;
  events: Set<string>;
  registrations: number;
  confirmed: number;
  attended: number;
}

interface PersonTally {
  latest: number;
  name: string;
  email: string;
  organisation: string;
  confirmed: Set<string>;
  attended: Set<string>;
}

/** The months a range touches, `2027-01` to `2027-12`. */
function monthsOf({ from, to }: ReportRange): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split("-").map(Number) as [number, number];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = `${y}-${String(m).padStart(2, "0")}`) {
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** The spelling most people used; on a tie, the first one seen. */
export function commonSpelling(spellings: Map<string, number>) {
  let best = "";
  let count = 0;
  for (const [spelling, n] of spellings) if (n > count) [best, count] = [spelling, n];
  return best;
}

/**
 * The events a report covers: the organisation's, not cancelled, whose start falls within
 * the range on the event's own calendar. `inScope` narrows in SQL (a UTC window wide
 * enough for any zone); `inRange` decides the exact day.
 */
export function reportScope(input: OrgScope & ReportRange) {
  const lower = new Date(Date.parse(`${input.from}T00:00:00Z`) - DAY_MS);
  const upper = new Date(Date.parse(`${input.to}T00:00:00Z`) + 2 * DAY_MS);
  const inScope = and(eq(events.orgId, input.orgId), ne(events.status, "cancelled"), gte(events.startsAt, lower), lt(events.startsAt, upper));
  const inRange = (e: { startsAt: Date; timezone: string }) => {
    const day = toLocalInput(e.startsAt, e.timezone).slice(0, 10);
    return day >= input.from && day <= input.to;
  };
  return { inScope, inRange };
}

/** How people typed their company, made comparable: "ACME AB " and "Acme  AB" are one. */
export const organisationKey = (typed: string | null) => (typed ?? "").trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Participation across the organisation's events whose start falls within the range (on
 * each event's own calendar), per organisation and per person, for funders' reports.
 * "Registrations" are confirmed and waitlisted ones; "attended" means checked in.
 */
export async function participationReport({ ctx, input }: { ctx: ServiceContext; input: OrgScope & ReportRange }): Promise<ParticipationReport> {
  const { inScope, inRange } = reportScope(input);

  const eventRows = (await ctx.db.select({ id: events.id, startsAt: events.startsAt, timezone: events.timezone, anonymisedAt: events.anonymisedAt }).from(events).where(inScope)).filter(inRange);
  const regRows = (
    await ctx.db
      .select({
        eventId: registrations.eventId,
        startsAt: events.startsAt,
        timezone: events.timezone,
        anonymised: events.anonymisedAt,
        seq: registrations.seq,
        name: registrations.name,
        email: registrations.email,
        emailKey: registrations.emailKey,
        organisation: registrations.organisation,
        status: registrations.status,
        checkedInAt: registrations.checkedInAt,
      })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(inScope)
      // Arrival order, so "the first spelling seen" means the same on every run.
      .orderBy(registrations.seq)
  ).filter(inRange);

  const organisations = new Map<string, OrganisationTally>();
  const people = new Map<string, PersonTally>();
  const totals = { people: new Set<string>(), events: new Set<string>(), registrations: 0, confirmed: 0, attended: 0 };
  const anonymised = { registrations: 0, confirmed: 0, attended: 0 };
  let cancelledRegistrations = 0;
  const months = new Map(monthsOf(input).map((month) => [month, { month, registrations: 0, confirmed: 0, attended: 0 }]));

  for (const r of regRows) {
    // A declined application never held a seat: neither a registration nor a cancellation.
    if (r.status === "declined") continue;
    // An offer not taken is no registration either.
    if (r.status === "cancelled" || r.status === "expired") {
      cancelledRegistrations++;
      continue;
    }
    const confirmed = r.status === "confirmed";
    const attended = r.checkedInAt !== null;
    const month = months.get(toLocalInput(r.startsAt, r.timezone).slice(0, 7));
    if (month) {
      month.registrations++;
      if (confirmed) month.confirmed++;
      if (attended) month.attended++;
    }
    if (r.anonymised) {
      // Retention keeps status and check-in time: the event's attendance still counts.
      for (const tally of [anonymised, totals]) {
        tally.registrations++;
        if (confirmed) tally.confirmed++;
        if (attended) tally.attended++;
      }
      totals.events.add(r.eventId);
      continue;
    }
    const typed = (r.organisation ?? "").trim().replace(/\s+/g, " ");
    const orgKey = organisationKey(typed);
    const org = organisations.get(orgKey) ?? { spellings: new Map(), people: new Set(), events: new Set(), registrations: 0, confirmed: 0, attended: 0 };
    organisations.set(orgKey, org);
    org.spellings.set(typed, (org.spellings.get(typed) ?? 0) + 1);
    for (const tally of [org, totals]) {
      tally.people.add(r.emailKey);
      tally.events.add(r.eventId);
      tally.registrations++;
      if (confirmed) tally.confirmed++;
      if (attended) tally.attended++;
    }

    const person = people.get(r.emailKey) ?? { latest: -1, name: "", email: "", organisation: "", confirmed: new Set(), attended: new Set() };
    people.set(r.emailKey, person);
    // Name and company as last given: people change jobs and fix typos.
    if (r.seq > person.latest) Object.assign(person, { latest: r.seq, name: r.name, email: r.email, organisation: typed || person.organisation });
    if (confirmed) person.confirmed.add(r.eventId);
    if (attended) person.attended.add(r.eventId);
  }

  const organisationLines = [...organisations.entries()]
    .map(([key, o]) => ({
      organisation: key ? commonSpelling(o.spellings) : NO_ORGANISATION,
      people: o.people.size,
      registrations: o.registrations,
      confirmed: o.confirmed,
      attended: o.attended,
      events: o.events.size,
      blank: key === "",
    }))
    .sort((a, b) => Number(a.blank) - Number(b.blank) || b.people - a.people || byName.compare(a.organisation, b.organisation))
    .map(({ blank: _blank, ...line }) => line);

  const personLines = [...people.values()]
    .map((p) => ({ name: p.name, email: p.email, organisation: p.organisation, confirmed: p.confirmed.size, attended: p.attended.size }))
    .sort((a, b) => byName.compare(a.name, b.name) || a.email.localeCompare(b.email));

  return {
    from: input.from,
    to: input.to,
    organisations: organisationLines,
    months: [...months.values()],
    people: personLines,
    totals: {
      organisation: "Total",
      people: totals.people.size,
      registrations: totals.registrations,
      confirmed: totals.confirmed,
      attended: totals.attended,
      events: totals.events.size,
    },
    events: eventRows.length,
    anonymisedEvents: eventRows.filter((e) => e.anonymisedAt !== null).length,
    anonymisedRegistrations: anonymised.registrations,
    anonymisedConfirmed: anonymised.confirmed,
    anonymisedAttended: anonymised.attended,
    cancelledRegistrations,
  };
}
