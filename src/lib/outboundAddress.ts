import ipaddr from "ipaddr.js";

// Where a webhook may go. An organiser types the endpoint, so without these checks the
// server would POST, on their behalf, to its own loopback, the office network or a cloud
// metadata service (server-side request forgery). The URL check runs on both runtimes;
// on Node the resolved addresses are checked again with isPublicAddress (see
// runtime/node/webhookFetch.ts), since a public-looking name can resolve anywhere.

export type UrlRefusal = "invalid_url" | "not_https" | "credentials" | "private_address";

const MAX_URL_LENGTH = 2000;

// Names that never lead to the public internet: RFC 6761/6762 special names, the
// `.internal` TLD reserved for private use (ICANN 2024, where metadata.google.internal
// lives), RFC 8375's home network, and the "localdomain" some resolvers append.
const LOCAL_NAMES = ["localhost", "local", "internal", "home.arpa", "localdomain"];

/**
 * Why this endpoint is refused, or null when a webhook may be sent to it. With
 * `allowPrivate` (local development and tests) http and local hosts pass; a malformed URL
 * or one carrying credentials never does.
 */
export function endpointUrlRefusal(raw: string, allowPrivate: boolean): UrlRefusal | null {
  if (raw.length > MAX_URL_LENGTH) return "invalid_url";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid_url";
  }
  // Any other scheme is not a webhook at all, whatever allowPrivate says.
  if (url.protocol !== "https:" && url.protocol !== "http:") return "invalid_url";
  if (!url.hostname) return "invalid_url";
  // Credentials in the URL would be stored and shown in the workspace and the delivery
  // log; a receiver that needs a secret verifies the signature instead.
  if (url.username || url.password) return "credentials";
  if (allowPrivate) return null;
  if (url.protocol !== "https:") return "not_https";
  return isPublicHost(url.hostname) ? null : "private_address";
}

/** The URL parser has already made IPv4 in any notation dotted decimal and lower-cased names. */
function isPublicHost(hostname: string): boolean {
  if (hostname.startsWith("[")) return isPublicAddress(hostname.slice(1, -1));
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return isPublicAddress(hostname);
  // "localhost." is the same name as "localhost".
  const name = hostname.endsWith(".") ? hostname.slice(0, -1) : hostname;
  // A single label is resolved through the local search domains, never on the internet.
  if (!name.includes(".")) return false;
  return !LOCAL_NAMES.some((local) => name === local || name.endsWith(`.${local}`));
}

// Public on paper, yet reachable only from inside a cloud: Azure's wire server (its
// metadata and agent endpoint) sits at this address in every virtual network.
const CLOUD_ONLY = new Set(["168.63.129.16"]);

/**
 * True only for a globally routable unicast address. IPv6 forms that carry an IPv4
 * address (mapped, translated, NAT64, 6to4, Teredo) are judged by the address they carry,
 * since the packet ends up there. Anything unparseable is not public.
 */
export function isPublicAddress(ip: string): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.process(ip);
  } catch {
    return false;
  }
  return addr.kind() === "ipv4" ? isPublicV4(addr as ipaddr.IPv4) : isPublicV6(addr as ipaddr.IPv6);
}

function isPublicV4(addr: ipaddr.IPv4): boolean {
  // range() names 100.64/10 carrierGradeNat, so CGNAT is refused with the rest.
  return addr.range() === "unicast" && !CLOUD_ONLY.has(addr.toString());
}

function isPublicV6(addr: ipaddr.IPv6): boolean {
  const p = addr.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (addr.range()) {
    // ::ffff:0:a.b.c.d (RFC 6145) and 64:ff9b::a.b.c.d (RFC 6052) carry it in the last 32 bits.
    case "rfc6145":
      return isPublicV4(v4(p[6]!, p[7]!));
    case "rfc6052":
      // 64:ff9b:1::/48 is for a network's own translator: local by definition.
      return p[2] === 0 && isPublicV4(v4(p[6]!, p[7]!));
    case "6to4":
      return isPublicV4(v4(p[1]!, p[2]!));
    case "teredo":
      // The Teredo server sits in bits 32–63; the client in the last 32 bits, inverted.
      return isPublicV4(v4(p[2]!, p[3]!)) && isPublicV4(v4(p[6]! ^ 0xffff, p[7]! ^ 0xffff));
    case "unicast":
      // Only 2000::/3 is handed out for global unicast; the rest of what ipaddr.js calls
      // unicast is unassigned, or IPv4-compatible (::a.b.c.d, deprecated, never routed).
      return (p[0]! & 0xe000) === 0x2000;
    default:
      return false;
  }
}
