import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Webhook } from "standardwebhooks";

/** One request the receiver got, with whether its signature verified under the secret of its path. */
export interface Received {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean;
  /** What the receiver answered. */
  status: number;
}

export interface Payload {
  type: string;
  timestamp: string;
  data: { registration?: Record<string, unknown> & { id: string; status: string }; event?: Record<string, unknown> & { id: string }; invitation?: Record<string, unknown> };
}

/** How one path answers: `failFirst` attempts of each id get a 500; `hang` attempts are never answered. */
export interface Behaviour {
  secret?: string;
  failFirst?: number;
  hang?: (attempt: number) => boolean;
}

/**
 * A webhook receiver in the test process, as an integrator would write one: it verifies
 * each request with the `standardwebhooks` package against the secret set for its path,
 * and deduplicates by `webhook-id` (`accepted` holds each id once, with its first 2xx).
 */
export async function webhookReceiver() {
  const behaviours = new Map<string, Behaviour>();
  const attempts = new Map<string, number>();
  const received: Received[] = [];
  const accepted = new Map<string, Received & { payload: Payload }>();
  const hanging = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const path = req.url ?? "/";
    const behaviour = behaviours.get(path) ?? {};
    const header = (name: string) => String(req.headers[name] ?? "");
    const id = header("webhook-id");
    let verified = false;
    try {
      if (behaviour.secret) {
        new Webhook(behaviour.secret).verify(body, { "webhook-id": id, "webhook-timestamp": header("webhook-timestamp"), "webhook-signature": header("webhook-signature") });
        verified = true;
      }
    } catch {
      verified = false;
    }
    const attempt = (attempts.get(`${path} ${id}`) ?? 0) + 1;
    attempts.set(`${path} ${id}`, attempt);
    const hang = behaviour.hang?.(attempt) ?? false;
    const status = hang ? 0 : attempt <= (behaviour.failFirst ?? 0) ? 500 : 204;
    const entry: Received = { path, id, timestamp: header("webhook-timestamp"), signature: header("webhook-signature"), body, verified, status };
    received.push(entry);
    if (hang) {
      hanging.add(res);
      return;
    }
    if (status < 300 && !accepted.has(`${path} ${id}`)) accepted.set(`${path} ${id}`, { ...entry, payload: JSON.parse(body) as Payload });
    res.writeHead(status).end(status === 500 ? "not now" : undefined);
  };
  const server = createServer((req, res) => void handle(req, res));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    on(path: string, behaviour: Behaviour) {
      behaviours.set(path, { ...behaviours.get(path), ...behaviour });
    },
    received,
    /** The accepted messages of one path, each id once. */
    acceptedAt: (path: string) => [...accepted.values()].filter((r) => r.path === path),
    attemptsOf: (path: string, id: string) => attempts.get(`${path} ${id}`) ?? 0,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof webhookReceiver>>;
