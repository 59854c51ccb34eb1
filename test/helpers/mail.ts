import { sql } from "drizzle-orm";
import { dispatchOutbox } from "../../src/mail/dispatcher";
import type { Mailer } from "../../src/mail/mailer";
import { smtpMailer } from "../../src/runtime/node/mailers";
import { harness, type Harness } from "./harness";
import { startSmtp, type Smtp } from "./smtp";

export const FROM = "Techtank <noreply@plats.techtank.se>";
export const ORGANISER = "evenemang@techtank.se";

export interface MailHarness extends Harness {
  smtp: Smtp;
  mailer: Mailer & { close(): void };
  dispatch(): ReturnType<typeof dispatchOutbox>;
  /** Messages received for one address, oldest first. */
  inbox(address: string): Smtp["received"];
  signUp(eventId: string, body: Record<string, unknown>): ReturnType<Harness["api"]>;
  outbox(): Promise<{ kind: string; status: string; attempts: number; last_error: string | null; to_email: string }[]>;
  stop(): Promise<void>;
}

/** The app over a fresh database, a real SMTP server, and the real dispatcher between them. */
export async function mailHarness(smtpOpts: Parameters<typeof startSmtp>[0] = {}): Promise<MailHarness> {
  const h = await harness();
  await h.database.db.run(sql`UPDATE organisations SET contact_email = ${ORGANISER}, name = 'Techtank' WHERE id = ${h.orgId}`);
  const smtp = await startSmtp(smtpOpts);
  const mailer = smtpMailer(smtp.url);
  return {
    ...h,
    smtp,
    mailer,
    dispatch: () => dispatchOutbox({ ctx: h.ctx, mailer, settings: { from: FROM } }),
    inbox: (address) => smtp.received.filter((m) => m.rcpt.includes(address)),
    signUp: (eventId, body) => h.api("POST", `/events/${eventId}/registrations`, body, { token: null }),
    outbox: () => h.database.db.all(sql`SELECT kind, status, attempts, last_error, to_email FROM outbox ORDER BY rowid`),
    async stop() {
      mailer.close();
      await smtp.stop();
      h.close();
    },
  };
}

/** The manage token in a received message's plain text. */
export const manageTokenIn = (text: string) => /\/r\/([A-Za-z0-9_-]{22})/.exec(text)?.[1];
