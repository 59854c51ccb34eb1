/** Whether the runtime knows this IANA zone (Node and workerd share ICU's database). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * A turn of the event loop (a macrotask): work done in parts lets the requests waiting
 * behind it go first between parts.
 */
export const giveWay = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
