import { z } from "zod";
import type { ServiceContext } from "../context";
import { findEvent } from "../events";
import { changeChoices } from "../programme";
import { findRegistration } from "../registrations";
import { sessionIds } from "../schemas";
import { code } from "../../lib/zodIssues";
import { getManagedRegistration, resolveManageToken } from "./manageLink";

/** `{ add: [sessionId, …], remove: [sessionId, …] }`: the sessions to take and to give up. */
export const choiceChangeInput = z
  .strictObject({ add: sessionIds.optional(), remove: sessionIds.optional() })
  .refine((c) => (c.add?.length ?? 0) + (c.remove?.length ?? 0) > 0, code("nothing_to_change"));

/** The holder of a manage link changes their sessions; returns their registration as the link shows it. */
export async function changeManagedChoices({ ctx, input }: { ctx: ServiceContext; input: { token: string; change: z.output<typeof choiceChangeInput> } }) {
  const { registration } = await findRegistration(ctx, await resolveManageToken(ctx, input.token));
  const { event } = await findEvent(ctx, registration.eventId);
  await changeChoices({ ctx, input: { registration, event, change: input.change } });
  return getManagedRegistration({ ctx, input: { token: input.token } });
}
