// The crowd of issue 18: the plain crowd while an integrator's endpoint takes every new
// registration and the status it entered, so each signup also writes two deliveries in its
// own write, and the dispatcher sends them meanwhile to a receiver in this process (which
// verifies each signature). After the crowd: every delivery arrives, each id accepted once.
import { webhookReceiver } from "../helpers/webhookReceiver";

const PATH = "/bench-hooks";

export async function startWebhookCrowd(url: string, token: string) {
  const receiver = await webhookReceiver();
  const res = await fetch(`${url}/api/v1/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ url: receiver.url(PATH), events: ["registration.created", "registration.confirmed", "registration.waitlisted"] }),
  });
  if (res.status !== 201) throw new Error(`${url}: creating the endpoint answered ${res.status}: ${await res.text()}`);
  const endpoint = (await res.json()) as { id: string; secret: string };
  receiver.on(PATH, { secret: endpoint.secret });
  return { receiver, endpoint };
}

/** Waits (at most `seconds`) for `expected` deliveries; then checks each arrived once, signed. */
export async function checkWebhookCrowd(crowd: Awaited<ReturnType<typeof startWebhookCrowd>>, expected: number, seconds = 300) {
  const { receiver } = crowd;
  const began = performance.now();
  const deadline = Date.now() + seconds * 1000;
  while (receiver.acceptedAt(PATH).length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const drainSeconds = (performance.now() - began) / 1000;
  const attempts = receiver.received.filter((r) => r.path === PATH);
  const accepted = receiver.acceptedAt(PATH).length;
  const okPerId = new Map<string, number>();
  for (const r of attempts) if (r.status >= 200 && r.status < 300) okPerId.set(r.id, (okPerId.get(r.id) ?? 0) + 1);
  const failures: string[] = [];
  if (accepted !== expected) failures.push(`webhooks: ${accepted} of ${expected} deliveries arrived within ${seconds} s`);
  const twice = [...okPerId.values()].filter((n) => n > 1).length;
  if (twice) failures.push(`webhooks: ${twice} deliveries accepted more than once`);
  const unverified = attempts.filter((r) => !r.verified).length;
  if (unverified) failures.push(`webhooks: ${unverified} signatures did not verify`);
  await receiver.close();
  const line = `webhook crowd: ${accepted} of ${expected} deliveries arrived, each once, ${attempts.length - unverified} of ${attempts.length} signatures verified; the last ${drainSeconds.toFixed(1)} s after the crowd ended`;
  return { failures, line: failures.length ? `${line} — BROKEN` : line, drainSeconds };
}
