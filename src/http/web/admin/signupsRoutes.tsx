import { Hono } from "hono";
import { signupCurve } from "../../../domain/attendees";
import type { AppEnv } from "../../env";
import { renderAdmin } from "./layout";
import { requireRole } from "./session";
import { SignupsPage } from "./signupsPage";

/** /admin/events/:id/signups: the event's signups over time, as a chart with its numbers. */
export const signupsRoutes = new Hono<AppEnv>().get("/events/:id{evt_[0-9a-z]+}/signups", requireRole("organiser"), async (c) => {
  const curve = await signupCurve({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, eventId: c.req.param("id") } });
  return renderAdmin(c, <SignupsPage member={c.var.member} orgName={c.var.orgName} curve={curve} />);
});
