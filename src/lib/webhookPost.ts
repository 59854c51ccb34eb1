import { endpointUrlRefusal } from "./outboundAddress";

// One webhook POST, shaped so that a receiver can neither hold the sender nor fill its
// memory: one deadline covers connecting, the headers and the part of the body we read,
// and only the first 4 KiB of the answer is read (for the delivery log).

/** `fetch` as the sender sees it; each runtime supplies one that enforces the address rules. */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export interface PostOutcome {
  ok: boolean;
  status: number | null;
  durationMs: number;
  error: string | null;
  body: string;
}

const MAX_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 4096;
const MAX_ERROR_LENGTH = 200;

class Timeout extends Error {}

/**
 * POSTs `body` to `url`. ok means a 2xx within the deadline; a redirect is a failure,
 * never followed, since its target was never checked. Never throws: every failure is an
 * outcome with a short reason ("timeout", "refused_address", "network: …", "http_500").
 */
export async function postWebhook(
  fetcher: Fetcher,
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; now?: () => number },
): Promise<PostOutcome> {
  const now = opts.now ?? Date.now;
  const started = now();
  const timeoutMs = Math.min(Math.max(Number.isFinite(opts.timeoutMs) ? opts.timeoutMs : 0, 1), MAX_TIMEOUT_MS);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Timeout("timeout")), timeoutMs);
  let status: number | null = null;
  let text = "";
  let error: string | null = null;
  try {
    // Raced as well as signalled: a fetcher that ignores the signal still cannot hold us.
    const response = await untilAborted(
      fetcher(url, { method: "POST", headers, body, redirect: "manual", signal: controller.signal }),
      controller.signal,
    );
    // An "opaqueredirect" response (the browser's form of manual) hides its status as 0.
    status = response.type === "opaqueredirect" ? null : response.status;
    text = await readPrefix(response, controller.signal);
    if (response.type === "opaqueredirect") error = "redirect";
    else if (response.status < 200 || response.status > 299) error = `http_${response.status}`;
  } catch (err) {
    error = controller.signal.aborted ? "timeout" : failureReason(err);
  } finally {
    clearTimeout(timer);
  }
  return { ok: error === null, status, durationMs: Math.max(0, now() - started), error, body: text };
}

/** The first 4 KiB of the body as UTF-8 (a character cut in half is dropped); the rest is never read. */
async function readPrefix(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let read = 0;
  try {
    while (read < MAX_BODY_BYTES) {
      const chunk = await untilAborted(reader.read(), signal);
      if (chunk.done) return text;
      const bytes = chunk.value.subarray(0, MAX_BODY_BYTES - read);
      read += bytes.byteLength;
      // stream: true holds back an incomplete last character instead of mangling it.
      text += decoder.decode(bytes, { stream: true });
    }
    return text;
  } finally {
    // Cancelling drops the connection's remaining bytes instead of downloading them.
    reader.cancel().catch(() => {});
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (err) => {
        signal.removeEventListener("abort", onAbort);
        reject(err);
      },
    );
  });
}

/**
 * fetch wraps the real cause ("fetch failed" around ECONNREFUSED, or around the address
 * refusal from the connect step), so the chain is searched for the informative message.
 */
function failureReason(err: unknown): string {
  let innermost = "unknown error";
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.startsWith("refused_address")) return "refused_address";
    if (message) innermost = message;
  }
  return `network: ${innermost}`.slice(0, MAX_ERROR_LENGTH);
}

/**
 * Workers' fetch. A Worker cannot resolve names itself, but Cloudflare refuses to connect
 * a Worker's fetch of a hostname to private addresses; what is left to refuse here is an
 * IP literal, a local name and plain http.
 */
export function workersFetcher(allowPrivate: boolean): Fetcher {
  return async (url, init) => {
    const refusal = endpointUrlRefusal(url, allowPrivate);
    if (refusal) throw new Error(`refused_address: ${refusal}`);
    return fetch(url, init);
  };
}
