import { Hono } from "hono";
import { giveWay } from "../../../lib/time";
import { sessionList, sessionPrintList } from "../../../domain/attendees";
import type { AppEnv } from "../../env";
import { renderAdmin, streamAdmin } from "./layout";
import { PrintRows } from "./printPage";
import { SessionListPage, SessionPrintPage } from "./sessionPages";
import { requireRole } from "./session";

// A session's id has its own shape: anything else falls through to the workspace's 404.
const SESSION = "/sessions/:id{ses_[0-9a-z]+}";
const organiser = requireRole("organiser");
const PRINT_PART = 500;

/** A session of a programme at the desk: its list and its printed list, for organisers of its event's organisation. */
export const sessionDeskRoutes = new Hono<AppEnv>()
  .get(SESSION, organiser, async (c) => {
    const list = await sessionList({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, sessionId: c.req.param("id") } });
    return renderAdmin(c, <SessionListPage member={c.var.member} orgName={c.var.orgName} {...list} />);
  })
  .get(`${SESSION}/print`, organiser, async (c) => {
    const list = await sessionPrintList({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, sessionId: c.req.param("id") } });
    // As the event's printed list: sent 500 rows at a time, with a turn of the event loop between parts.
    async function* rows() {
      for (let i = 0; i < list.attendees.length; i += PRINT_PART) {
        if (i) await giveWay();
        yield <PrintRows attendees={list.attendees.slice(i, i + PRINT_PART)} from={i + 1} />;
      }
    }
    return streamAdmin(c, <SessionPrintPage member={c.var.member} orgName={c.var.orgName} {...list} />, rows());
  });
