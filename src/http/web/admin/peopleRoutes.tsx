import { Hono } from "hono";
import { findPeople, peopleQuery } from "../../../domain/attendees";
import { validationError } from "../../errors";
import type { AppEnv } from "../../env";
import { renderAdmin } from "./layout";
import { PeoplePage } from "./peoplePage";
import { requireRole } from "./session";

/** Finding a person in every event of the organisation: for those who may open the lists it links to. */
export const peopleRoutes = new Hono<AppEnv>().get("/people", requireRole("organiser"), async (c) => {
  const query = peopleQuery.safeParse(c.req.query());
  if (!query.success) throw validationError(query.error);
  const found = await findPeople({ ctx: c.var.ctx, input: { orgId: c.var.member.orgId, ...query.data } });
  return renderAdmin(c, <PeoplePage member={c.var.member} orgName={c.var.orgName} found={found} />);
});
