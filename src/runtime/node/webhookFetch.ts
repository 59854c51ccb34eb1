import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { endpointUrlRefusal, isPublicAddress } from "../../lib/outboundAddress";
import type { Fetcher } from "../../lib/webhookPost";

// Node resolves names itself, so the address rule is enforced at the one place that
// knows where the socket will go: the connect step's lookup. Checking a name first and
// letting the connection resolve it again would let DNS answer differently the second
// time (rebinding); here the socket connects to exactly the addresses that were checked.

const TIMEOUT_MS = 10_000;
// postWebhook reads 4 KiB and cancels; this bounds anyone who reads further.
const MAX_RESPONSE_BYTES = 64 * 1024;

function checkedLookup(allowPrivate: boolean, lookup: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, found, family) => {
      if (err) return callback(err, "");
      // A lookup that ignores `all` answers with one address.
      const addresses: LookupAddress[] = typeof found === "string" ? [{ address: found, family: family ?? 4 }] : found;
      if (addresses.length === 0) return callback(notFound(hostname), "");
      // Any private answer refuses the name: a connection attempt falls through the
      // answers in turn, so one bad address among good ones would still be reached.
      const bad = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (bad) return callback(new Error(`refused_address: ${hostname} resolves to ${bad.address}`), "");
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
}

/**
 * undici's fetch through one Agent (so connections to a receiver are reused) whose every
 * new connection goes only to addresses that passed the check. `lookup` replaces DNS in
 * tests.
 */
export function nodeWebhookFetcher(opts: { allowPrivate: boolean; lookup?: LookupFunction }): Fetcher {
  const agent = new Agent({
    connect: { lookup: checkedLookup(opts.allowPrivate, opts.lookup ?? dnsLookup), timeout: TIMEOUT_MS },
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
    maxResponseSize: MAX_RESPONSE_BYTES,
  });
  return async (url, init) => {
    // An IP literal never reaches the lookup above, so the URL itself is checked first.
    const refusal = endpointUrlRefusal(url, opts.allowPrivate);
    if (refusal) throw new Error(`refused_address: ${refusal}`);
    const response = await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: agent });
    return response as unknown as Response;
  };
}
