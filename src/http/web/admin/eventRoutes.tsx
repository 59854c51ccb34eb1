import { Hono } from "hono";
import { listEvents } from "../../../services/listEvents";
import type { AppEnv } from "../../env";
import { AdminLayout, renderAdmin } from "./layout";
import { requireRole } from "./session";

export const eventAdminRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    if (c.var.member.role === "checkin") return c.redirect("/admin/checkin", 303);
    const events = await listEvents({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId } });
    return renderAdmin(
      c,
      <AdminLayout member={c.var.member} orgName={c.var.orgName} title="Events" section="events">
        <h1>Events</h1>
        <ul>
          {events.map((e) => (
            <li>{e.title}</li>
          ))}
        </ul>
      </AdminLayout>,
    );
  })
  .use("/events/*", requireRole("organiser"));
