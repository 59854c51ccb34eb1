import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { events, invitations, liveStatuses, registrations } from "../../db/schema";
import { companyKey } from "../../lib/companyKey";
import type { OrgScope, ServiceContext } from "../context";
import { commonSpelling, NO_ORGANISATION, reportScope } from "./participationReport";
import type { ReportRange } from "./reportRange";

export interface InvitationLine {
  organisation: string;
  /** Invitations to someone of the organisation (revoked ones left out). */
  invited: number;
  /** Their live registrations (an application pending counts: it is one). */
  registered: number;
  /** Of those, checked in. */
  attended: number;
}

const byName = new Intl.Collator("sv", { sensitivity: "base", numeric: true });

/**
 * Invited against registered against attended, per organisation, over the events in the
 * range that have invitations (those whose personal data is gone are left out: nobody is
 * left to name). Organisations are one by `companyKey`, as the company quota counts them,
 * so "Volvo Cars AB" invited and "volvo cars" registered are the same line.
 */
export async function invitationReport({ ctx, input }: { ctx: ServiceContext; input: OrgScope & ReportRange }): Promise<InvitationLine[]> {
  const { inScope, inRange } = reportScope(input);
  const invited = (
    await ctx.db
      .select({ eventId: invitations.eventId, organisation: invitations.organisation, startsAt: events.startsAt, timezone: events.timezone })
      .from(invitations)
      .innerJoin(events, eq(events.id, invitations.eventId))
      .where(and(inScope, isNull(events.anonymisedAt), ne(invitations.status, "revoked")))
      .orderBy(invitations.createdAt)
  ).filter(inRange);
  const eventIds = [...new Set(invited.map((i) => i.eventId))];
  if (!eventIds.length) return [];
  const registered = await ctx.db
    .select({ organisation: registrations.organisation, checkedInAt: registrations.checkedInAt })
    .from(registrations)
    .where(and(inArray(registrations.eventId, eventIds), inArray(registrations.status, [...liveStatuses])))
    .orderBy(registrations.seq);

  const lines = new Map<string, { spellings: Map<string, number>; invited: number; registered: number; attended: number }>();
  const lineOf = (typed: string | null) => {
    const key = companyKey(typed) ?? "";
    const line = lines.get(key) ?? { spellings: new Map(), invited: 0, registered: 0, attended: 0 };
    lines.set(key, line);
    const spelling = (typed ?? "").trim().replace(/\s+/g, " ");
    if (spelling) line.spellings.set(spelling, (line.spellings.get(spelling) ?? 0) + 1);
    return line;
  };
  for (const i of invited) lineOf(i.organisation).invited++;
  for (const r of registered) {
    const line = lineOf(r.organisation);
    line.registered++;
    if (r.checkedInAt !== null) line.attended++;
  }
  return [...lines.entries()]
    .map(([key, l]) => ({ organisation: key ? commonSpelling(l.spellings) : NO_ORGANISATION, invited: l.invited, registered: l.registered, attended: l.attended, blank: key === "" }))
    .sort((a, b) => Number(a.blank) - Number(b.blank) || b.invited - a.invited || b.registered - a.registered || byName.compare(a.organisation, b.organisation))
    .map(({ blank: _blank, ...line }) => line);
}
