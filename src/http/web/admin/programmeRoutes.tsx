import { Hono } from "hono";
import { findEvent, refuseUnlessEditable } from "../../../domain/events";
import {
  cancelSession,
  createSession,
  createSessionInput,
  findSession,
  reorderSessions,
  peopleInSession,
  sessionsOfEvent,
  sessionView,
  updateSession,
  updateSessionInput,
} from "../../../domain/programme";
import { fill } from "../../../i18n/messages";
import { plural } from "../../../i18n/pages";
import { formatNumber } from "../../../i18n/format";
import { AppError, invalid, type FieldErrors } from "../../../lib/errors";
import { zodFieldErrors } from "../../../lib/zodIssues";
import type { AppContext, AppEnv } from "../../env";
import { shownErrors } from "./errors";
import { blankState } from "./fields";
import { readForm } from "./forms";
import { renderAdmin, wordsFor } from "./layout";
import { readSessionForm, sessionFormValues, type ReadSessionForm } from "./programmeForm";
import { neighbours, ProgrammePage, programmePath } from "./programmePage";
import { SessionCancelPage, SessionEditPage } from "./programmeSessionPages";
import { requireRole } from "./session";

const organiser = requireRole("organiser");

/** A session of the member's organisation with its event; another organisation's is not found (404). */
async function sessionOf(c: AppContext) {
  const found = await findSession(c.var.ctx, c.req.param("sid")!, c.var.member.orgId);
  const { event } = await findEvent(c.var.ctx, found.session.eventId, c.var.member.orgId);
  return { event, session: sessionView(event.programme, found) };
}

/** The short confirmation after a change: a code (never text) or a cancelled session and how many were told. */
function noticeOf(c: AppContext, sessions: { id: string; title: string }[]) {
  const t = wordsFor(c.var.member).programme;
  const code = c.req.query("notice");
  if (code && Object.hasOwn(t.notices, code)) return t.notices[code as keyof typeof t.notices];
  const cancelled = sessions.find((s) => s.id === c.req.query("cancelled"));
  const told = Number.parseInt(c.req.query("told") ?? "", 10);
  if (!cancelled || !Number.isSafeInteger(told) || told < 0) return undefined;
  const language = c.var.member.language;
  return fill(plural(language, t.cancelledNotice, told), { session: cancelled.title, n: formatNumber(told, language) });
}

/** Runs a save with the form's input checked by `schema` first; field errors (the schema's or the domain's) come back in the member's words. */
async function attempt<T>(
  c: AppContext,
  read: ReadSessionForm,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Parameters<typeof zodFieldErrors>[0] } },
  save: (valid: T) => Promise<void>,
): Promise<Record<string, string> | null> {
  // What the form could not read is said as such, whatever the schema makes of its absence.
  const shown = (fields: FieldErrors) => shownErrors({ ...fields, ...read.errors }, c.var.member.language);
  const parsed = schema.safeParse(read.input);
  if (!parsed.success) return shown(zodFieldErrors(parsed.error));
  if (Object.keys(read.errors).length) return shown({});
  try {
    await save(parsed.data);
    return null;
  } catch (err) {
    if (err instanceof AppError && err.fields) return shown(err.fields);
    throw err;
  }
}

/** An event's programme: its sessions, adding, editing, ordering and cancelling them. */
export const programmeRoutes = new Hono<AppEnv>()
  .get("/events/:id/programme", organiser, async (c) => {
    const { event } = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    const sessions = await sessionsOfEvent(c.var.ctx, event);
    const page = <ProgrammePage member={c.var.member} orgName={c.var.orgName} event={event} sessions={sessions} notice={noticeOf(c, sessions)} />;
    return renderAdmin(c, page);
  })
  .post("/events/:id/programme", organiser, async (c) => {
    const { event } = await findEvent(c.var.ctx, c.req.param("id"), c.var.member.orgId);
    refuseUnlessEditable(event);
    const read = readSessionForm(await readForm(c), event.timezone, event.programme);
    const actor = c.var.member;
    const errors = await attempt(c, read, createSessionInput, async (valid) => {
      await createSession({ ctx: c.var.ctx, input: { ...valid, eventId: event.id, orgId: actor.orgId }, actor });
    });
    if (!errors) return c.redirect(`${programmePath(event.id)}?notice=created`, 303);
    const sessions = await sessionsOfEvent(c.var.ctx, event);
    const page = <ProgrammePage member={actor} orgName={c.var.orgName} event={event} sessions={sessions} state={{ values: read.values, errors }} />;
    return renderAdmin(c, page, 400);
  })
  .get("/sessions/:sid/edit", organiser, async (c) => {
    const { event, session } = await sessionOf(c);
    refuseUnlessEditable(event);
    if (session.status === "cancelled") throw new AppError("session_cancelled");
    const state = blankState(sessionFormValues(session, event.timezone));
    return renderAdmin(c, <SessionEditPage member={c.var.member} orgName={c.var.orgName} event={event} session={session} state={state} />);
  })
  .post("/sessions/:sid/edit", organiser, async (c) => {
    const { event, session } = await sessionOf(c);
    const read = readSessionForm(await readForm(c), event.timezone, event.programme);
    const actor = c.var.member;
    const errors = await attempt(c, read, updateSessionInput, async (patch) => {
      await updateSession({ ctx: c.var.ctx, input: { id: session.id, orgId: actor.orgId, patch }, actor });
    });
    if (!errors) return c.redirect(`${programmePath(event.id)}?notice=saved`, 303);
    const page = <SessionEditPage member={actor} orgName={c.var.orgName} event={event} session={session} state={{ values: read.values, errors }} />;
    return renderAdmin(c, page, 400);
  })
  // Past its neighbour that starts at the same time: the programme's order is by start, then this.
  .post("/sessions/:sid/move", organiser, async (c) => {
    const { event, session } = await sessionOf(c);
    const direction = (await readForm(c)).one("direction");
    if (direction !== "up" && direction !== "down") throw invalid({ direction: { code: "one_of", options: ["up", "down"] } });
    const sessions = await sessionsOfEvent(c.var.ctx, event);
    const i = sessions.findIndex((s) => s.id === session.id);
    if (!neighbours(sessions, i)[direction]) return c.redirect(programmePath(event.id), 303);
    const order = sessions.map((s) => s.id);
    const j = direction === "up" ? i - 1 : i + 1;
    [order[i], order[j]] = [order[j]!, order[i]!];
    await reorderSessions({ ctx: c.var.ctx, input: { eventId: event.id, orgId: c.var.member.orgId, order }, actor: c.var.member });
    return c.redirect(`${programmePath(event.id)}?notice=moved`, 303);
  })
  .get("/sessions/:sid/cancel", organiser, async (c) => {
    const { event, session } = await sessionOf(c);
    const people = await peopleInSession(c.var.ctx, session.id);
    return renderAdmin(c, <SessionCancelPage member={c.var.member} orgName={c.var.orgName} event={event} session={session} people={people} />);
  })
  .post("/sessions/:sid/cancel", organiser, async (c) => {
    const { event, session } = await sessionOf(c);
    const { told } = await cancelSession({ ctx: c.var.ctx, input: { id: session.id, orgId: c.var.member.orgId }, actor: c.var.member });
    return c.redirect(`${programmePath(event.id)}?${new URLSearchParams({ cancelled: session.id, told: String(told) })}`, 303);
  });
