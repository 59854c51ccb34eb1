import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js";
import { AppError } from "../../lib/errors";
import type { ServiceContext } from "../context";
import type { RegistrationResult } from "./register";
import { signingKey } from "../organisations";

/**
 * A signup's receipt: what its result page shows (each person's name, email and status,
 * as the signup decided them), and the submitter's manage link, sealed with AES-GCM under
 * a key derived from the organisation's signing key. The form answers with a redirect to
 * a page that carries it, so a reload or the back button shows the result again instead
 * of signing up twice. Sealed rather than only signed: the URL stays in the browser's
 * history, and once it has run out it tells nobody who signed up or their link.
 */

/** How long a result page opens again: long enough for reloads and the back button; the emails carry the links after. */
export const RECEIPT_MS = 60 * 60 * 1000;
// Versioned, and apart from the check-in codes made with the same organisation key.
const INFO = "plats-signup-receipt-v1";
// A group of 20 with long names and addresses stays well below this.
const MAX_REF = 8000;

export type ReceiptStatus = RegistrationResult["status"] | "refused";

export interface ReceiptPerson {
  name: string;
  email: string;
  status: ReceiptStatus;
  position: number | null;
}

interface Sealed {
  /** Until when, in ms. */
  x: number;
  /** The submitter's manage token. */
  t: string;
  p: [string, string, ReceiptStatus, number | null][];
}


async function aesKey(keyHex: string) {
  const raw = Uint8Array.from(hmac(sha256, hexToBytes(keyHex), utf8ToBytes(INFO)));
  return crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
}

const toBase64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromBase64Url = (s: string) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

/** Seals a signup's outcome for its result page; the submitter (people[0]) must have been placed. */
export async function signupReceipt({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { eventId: string; people: { name: string; email: string; result: RegistrationResult | null }[] };
}): Promise<string> {
  const token = input.people[0]?.result?.manageUrl.split("/").pop();
  if (!token) throw new Error("a receipt needs the submitter's registration");
  const body: Sealed = {
    x: ctx.now().getTime() + RECEIPT_MS,
    t: token,
    p: input.people.map((p) => [p.name, p.email.trim(), p.result?.status ?? "refused", p.result?.position ?? null]),
  };
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await aesKey(await signingKey(ctx, input.eventId));
  // The event is bound in, so a receipt never opens on another event's page.
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: utf8ToBytes(input.eventId) }, key, utf8ToBytes(JSON.stringify(body)));
  const out = new Uint8Array(iv.length + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), iv.length);
  return toBase64Url(out);
}

/**
 * Opens a receipt of the event: the people and the submitter's manage token. One that was
 * not made here for this event (altered, cut short, another event's) is not found; one
 * that has run out says so.
 */
export async function openSignupReceipt({ ctx, input }: { ctx: ServiceContext; input: { eventId: string; ref: string } }) {
  const body = await unseal(ctx, input.eventId, input.ref);
  if (!body) throw new AppError("page_not_found");
  if (body.x <= ctx.now().getTime()) throw new AppError("result_expired");
  const people: ReceiptPerson[] = body.p.map(([name, email, status, position]) => ({ name, email, status, position }));
  return { people, token: body.t };
}

async function unseal(ctx: ServiceContext, eventId: string, ref: string): Promise<Sealed | null> {
  if (ref.length > MAX_REF || !/^[A-Za-z0-9_-]{40,}$/.test(ref)) return null;
  try {
    const bytes = fromBase64Url(ref);
    const key = await aesKey(await signingKey(ctx, eventId));
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: utf8ToBytes(eventId) }, key, bytes.slice(12));
    return JSON.parse(new TextDecoder().decode(plain)) as Sealed;
  } catch {
    // A wrong tag, a short or garbled ref: all one answer.
    return null;
  }
}
