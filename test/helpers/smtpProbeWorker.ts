import type { OutgoingMail } from "../../src/mail/mailer";
import { smtpSocketMailer } from "../../src/runtime/workers/mailers";

/**
 * A Worker for tests only: sends the posted message with the Workers SMTP mailer to the
 * posted SMTP_URL and answers with the outcome the dispatcher would get. One workerd then
 * tries many servers, where the app would need a restart per SMTP_URL.
 */
export default {
  async fetch(req: Request): Promise<Response> {
    if (new URL(req.url).pathname === "/healthz") return new Response("ok");
    const { smtpUrl, mail, timeoutSeconds } = (await req.json()) as { smtpUrl: string; mail: OutgoingMail; timeoutSeconds?: number };
    return Response.json(await smtpSocketMailer(smtpUrl, timeoutSeconds).send(mail));
  },
};
