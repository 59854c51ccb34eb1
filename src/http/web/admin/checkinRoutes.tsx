import { Hono } from "hono";
import { AppError } from "../../../lib/errors";
import { arrivalOf, arrivalRow, arrivalTap, checkinCounts, checkinEvents, checkInByCode, resolveCode, searchArrivals, type ArrivalRow } from "../../../domain/checkin";
import { findEvent, type EventRow } from "../../../domain/events";
import type { AppContext, AppEnv } from "../../env";
import { adminWords, shownErrors, wantsJson } from "./errors";
import { addAttendee } from "../../../domain/attendees";
import { walkInInput } from "../../../domain/schemas";
import { zodFieldErrors } from "../../../lib/zodIssues";
import { readForm } from "./forms";
import { CheckinDeskPage, deskPath, ScannedPage, type DeskProps } from "./checkinPages";
import { CheckinPickPage } from "./checkinPickPage";
import { renderAdmin, wordsFor } from "./layout";
import type { Language } from "../../../db/schema";
import { fill, localeTag } from "../../../i18n/messages";
import { requireRole } from "./session";
import { doorSession, searchSessionArrivals, sessionArrivalOf, sessionArrivalTap, sessionCheckInByCode, sessionDoorCounts, sessionsOfEvent } from "../../../domain/programme";
import { withSession } from "./checkinSessionParts";

const door = requireRole("checkin");

/** "kl. 09.12" / "at 09:12": when someone was checked in, on the event's clock. */
function clockTime(at: string, timeZone: string, language: Language) {
  const parts = new Intl.DateTimeFormat(localeTag[language], { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return fill(wordsFor({ language }).checkin.notice.clock, { h: part("hour"), m: part("minute") });
}

/** What the door says after a check-in: done now, or already done earlier (and when). */
function arrivalNotice(language: Language, person: ArrivalRow, changed: boolean, timeZone: string) {
  const t = wordsFor({ language }).checkin.notice;
  if (changed || !person.checkedInAt) return fill(changed ? t.checkedIn : t.already, { name: person.name });
  return fill(t.alreadyAt, { name: person.name, time: clockTime(person.checkedInAt, timeZone, language) });
}

/** A JSON body's `name` when the script sent JSON, else the form field. */
async function bodyField(c: AppContext, name: string): Promise<string> {
  if ((c.req.header("content-type") ?? "").includes("application/json")) {
    const body: unknown = await c.req.json().catch(() => {
      throw new AppError("malformed_json");
    });
    const value = body && typeof body === "object" ? (body as Record<string, unknown>)[name] : undefined;
    return typeof value === "string" ? value : "";
  }
  return (await readForm(c)).one(name);
}

/**
 * The session the door checks people in to (`?session=<id>`, kept on every address of the
 * door), with the event and its organisation: an id that is not one of the event's sessions is 404.
 */
const doorScope = (c: AppContext) => {
  const sessionId = c.req.query("session");
  return { orgId: c.var.member.orgId, eventId: c.req.param("id")!, sessionId: sessionId ? sessionId : null };
};

/** The door's list: the event's, or the session's with each person's place in it. */
async function doorSearch(c: AppContext, q: string, after?: string) {
  const { sessionId, ...scope } = doorScope(c);
  if (sessionId) return searchSessionArrivals({ ctx: c.var.ctx, input: { ...scope, sessionId, q, after } });
  return { ...(await searchArrivals({ ctx: c.var.ctx, input: { ...scope, q, after } })), session: null };
}

/** The door page with whatever the last action said. */
async function desk(c: AppContext, extra: Pick<DeskProps, "notice" | "code" | "walkIn"> = {}, status: 200 | 400 | 404 | 409 = 200) {
  const { orgId, sessionId } = doorScope(c);
  const q = c.req.query("q") ?? "";
  const found = await doorSearch(c, q, c.req.query("after"));
  let notice = extra.notice;
  const done = c.req.query("done");
  const rid = c.req.query("r");
  if (!notice && rid && (done === "in" || done === "undo")) {
    const person = sessionId
      ? await sessionArrivalOf(c.var.ctx, { orgId, eventId: found.event.id, sessionId, id: rid })
      : await arrivalOf(c.var.ctx, orgId, found.event.id, rid);
    const t = wordsFor(c.var.member).checkin.notice;
    if (person) notice = { text: fill(done === "in" ? t.checkedIn : t.undone, { name: person.name }), ok: true };
  }
  const sessions = (await sessionsOfEvent(c.var.ctx, found.event)).filter((s) => s.status === "scheduled");
  const page = <CheckinDeskPage member={c.var.member} orgName={c.var.orgName} {...found} sessions={sessions} q={q} notice={notice} code={extra.code} walkIn={extra.walkIn} />;
  return renderAdmin(c, page, status);
}

// After a check-in the search is cleared, ready for the next person; an undo keeps it.
const backToDesk = (eventId: string, q: string, done: "in" | "undo", rid: string, sessionId: string | null = null) => {
  const params = new URLSearchParams({ ...(q && done === "undo" ? { q } : {}), done, r: rid });
  return withSession(`${deskPath(eventId)}?${params}`, sessionId ? { id: sessionId } : null);
};

/** One tap from the list: check in or undo; the script gets JSON, a plain form a redirect. */
const tap = (undo: boolean) => async (c: AppContext) => {
  const { orgId, eventId, sessionId } = doorScope(c);
  const json = wantsJson(c);
  const q = json ? "" : (await readForm(c)).one("q");
  const id = c.req.param("rid")!;
  const done = sessionId
    ? await sessionArrivalTap({ ctx: c.var.ctx, input: { orgId, eventId, sessionId, id, undo }, actor: c.var.member })
    : await arrivalTap({ ctx: c.var.ctx, input: { orgId, eventId, id, undo }, actor: c.var.member });
  if (!json) return c.redirect(backToDesk(eventId, q, undo ? "undo" : "in", done.person.id, sessionId), 303);
  return c.json({ person: done.person, changed: done.changed, counts: await countsOf(c) });
};

const eventOf = async (c: AppContext) => (await findEvent(c.var.ctx, c.req.param("id")!, c.var.member.orgId)).event;

/** The door's counts: the event's, or the picked session's. */
async function countsOf(c: AppContext) {
  const { sessionId, ...scope } = doorScope(c);
  if (!sessionId) return checkinCounts(c.var.ctx, await eventOf(c));
  return sessionDoorCounts(c.var.ctx, (await doorSession(c.var.ctx, { ...scope, sessionId })).session);
}

/** A code typed or scanned at the door: its holder checked in to the event, or to the picked session. */
async function byCode(c: AppContext, value: string) {
  const { orgId, eventId, sessionId } = doorScope(c);
  if (sessionId) return sessionCheckInByCode({ ctx: c.var.ctx, input: { orgId, eventId, sessionId, value }, actor: c.var.member });
  const done = await checkInByCode({ ctx: c.var.ctx, input: { orgId, eventId, value }, actor: c.var.member });
  return { ...done, counts: await countsOf(c) };
}

/** Refusals of a code the door can act on, shown beside the code field. */
const codeRefusals = new Set(["invalid_request", "not_found", "not_confirmed", "conflict", "event_cancelled"]);

/** /admin/checkin, the door view of an event, and the link inside a check-in QR code. */
export const checkinRoutes = new Hono<AppEnv>()
  .get("/checkin", door, async (c) => {
    const { current, past } = await checkinEvents({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId } });
    // The sessions of today's and coming events with a programme: the door may go straight to one.
    const sessions = new Map(await Promise.all(current.map(async ({ event }) => [event.id, (await sessionsOfEvent(c.var.ctx, event)).filter((s) => s.status === "scheduled")] as const)));
    return renderAdmin(c, <CheckinPickPage member={c.var.member} orgName={c.var.orgName} current={current} past={past} sessions={sessions} />);
  })
  .get("/events/:id/checkin", door, (c) => desk(c))
  .get("/events/:id/checkin/search", door, async (c) => {
    const found = await doorSearch(c, c.req.query("q") ?? "");
    return c.json({ counts: found.counts, results: found.results, more: found.more, next: found.next, browsing: found.browsing });
  })
  // The counts alone, which the door's script asks for every few seconds, so that a
  // phone at one door sees the arrivals another door checked in.
  .get("/events/:id/checkin/counts", door, async (c) => c.json({ counts: await countsOf(c) }))
  .post("/events/:id/checkin/code", door, async (c) => {
    const { eventId, sessionId } = doorScope(c);
    const value = await bodyField(c, "code");
    await eventOf(c);
    if (wantsJson(c)) {
      const done = await byCode(c, value);
      return c.json({ person: done.person, changed: done.changed, counts: done.counts });
    }
    try {
      const done = await byCode(c, value);
      return c.redirect(backToDesk(eventId, "", "in", done.person.id, sessionId), 303);
    } catch (err) {
      // A refused code is explained by the field, on the page it was typed into.
      if (!(err instanceof AppError) || !codeRefusals.has(err.code)) throw err;
      const error = err.fields?.code ? adminWords(c.var.member.language).field(err.fields.code) : adminWords(c.var.member.language).error(err);
      return desk(c, { code: { value: value.slice(0, 100), error } }, err.status as 400);
    }
  })
  .post("/events/:id/checkin/walk-in", door, async (c) => {
    const eventId = c.req.param("id");
    const form = await readForm(c);
    const values = Object.fromEntries(["firstName", "lastName", "email", "organisation", "override", "sendEmail"].map((k) => [k, form.one(k)]));
    const parsed = walkInInput.safeParse({ firstName: values.firstName, lastName: values.lastName, email: values.email, organisation: values.organisation!.trim() || undefined });
    if (!parsed.success) return desk(c, { walkIn: { values, errors: shownErrors(zodFieldErrors(parsed.error), c.var.member.language) } }, 400);
    try {
      const added = await addAttendee({
        ctx: c.var.ctx,
        input: { orgId: c.var.member.orgId, eventId, attendee: parsed.data, override: values.override === "yes", sendEmail: values.sendEmail === "yes", walkIn: true },
        actor: c.var.member,
      });
      return c.redirect(backToDesk(eventId, "", "in", added.id), 303);
    } catch (err) {
      if (!(err instanceof AppError) || !["invalid_request", "already_registered", "event_full"].includes(err.code)) throw err;
      const walkIn = { values, errors: shownErrors(err.fields, c.var.member.language), problem: err.fields ? undefined : adminWords(c.var.member.language).error(err) };
      return desk(c, { walkIn }, err.status as 400 | 409);
    }
  })
  .post("/events/:id/checkin/r/:rid", door, tap(false))
  .post("/events/:id/checkin/r/:rid/undo", door, tap(true))
  .get("/c/:code", door, async (c) => {
    const found = await resolveCode({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, value: c.req.param("code") } });
    return scanned(c, found.event, arrivalRow(found.registration));
  })
  .post("/c/:code", door, async (c) => {
    const { orgId } = c.var.member;
    const value = c.req.param("code");
    const done = await checkInByCode({ ctx: c.var.ctx, input: { orgId, value }, actor: c.var.member });
    if (wantsJson(c)) return c.json({ person: done.person, changed: done.changed });
    return scanned(c, done.event, done.person, arrivalNotice(c.var.member.language, done.person, done.changed, done.event.timezone));
  });

/** The one-tap page of a scanned link; it posts back to its own address. */
function scanned(c: AppContext, event: EventRow, person: ArrivalRow, notice?: string) {
  const action = `/admin/c/${encodeURIComponent(c.req.param("code")!)}`;
  return renderAdmin(c, <ScannedPage member={c.var.member} orgName={c.var.orgName} event={event} person={person} action={action} notice={notice} />);
}
