import { sql } from "drizzle-orm";
import { z } from "zod";
import { liveStatuses } from "../../db/schema";
import { emailKey } from "../../lib/emailKey";
import { invalid } from "../../lib/errors";
import type { ServiceContext } from "../context";
import { queueForRegistrations } from "../outbox";
import { manageLinkDue } from "./register";

const address = z.string().trim().max(254).pipe(z.email());

/**
 * "Lost your link?" on an event page: the manage link goes again to whoever holds a live
 * registration of this address at the event, when `manageLinkDue` (as for a repeated
 * signup). The caller answers the same whether anyone does or not, so the
 * form tells nobody who is registered.
 */
export async function sendManageLinkAgain({ ctx, input }: { ctx: ServiceContext; input: { eventId: string; email: string } }) {
  const email = address.safeParse(input.email);
  if (!email.success) throw invalid({ email: { code: "email" } });
  await queueForRegistrations(
    ctx,
    "manage_link",
    sql`r.event_id = ${input.eventId} AND r.email_key = ${emailKey(email.data)} AND r.status IN ${[...liveStatuses]}
        AND ${manageLinkDue(ctx.now().getTime())}`,
  );
}
