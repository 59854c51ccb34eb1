import { Hono } from "hono";
import { z } from "zod";
import { checkIn } from "../../domain/checkin";
import { markSessionArrival } from "../../domain/programme";
import { decideApplication } from "../../domain/access";
import type { AppEnv } from "../env";
import { apiActor, requireOrganiser } from "../middleware";
import { validate } from "../validate";

// `?session=<id>`: the arrival is at that session of the programme (and so at the event).
const checkInQuery = z.strictObject({ session: z.string().min(1).max(64).optional() });

const arrival = (undo: boolean) =>
  new Hono<AppEnv>().on(undo ? "DELETE" : "POST", "/", validate("query", checkInQuery), async (c) => {
    const input = { id: c.req.param("id")!, orgId: c.var.org.id, undo };
    const { session } = c.req.valid("query");
    if (!session) return c.json(await checkIn({ ctx: c.var.ctx, input, actor: apiActor(c) }));
    const arrived = await markSessionArrival({ ctx: c.var.ctx, input: { ...input, sessionId: session }, actor: apiActor(c) });
    return c.json({ ...arrived.registration, session: arrived.session });
  });

export const registrationRoutes = new Hono<AppEnv>()
  .use(requireOrganiser)
  .route("/:id/check-in", arrival(false))
  .route("/:id/check-in", arrival(true))
  // An application to an event by approval: decided by the organiser.
  .post("/:id/approve", async (c) => {
    const { status, position } = await decideApplication({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id, verdict: "approve" }, actor: apiActor(c) });
    return c.json({ status, position });
  })
  .post("/:id/decline", async (c) => {
    const { status } = await decideApplication({ ctx: c.var.ctx, input: { id: c.req.param("id"), orgId: c.var.org.id, verdict: "decline" }, actor: apiActor(c) });
    return c.json({ status });
  });
