/**
 * The identity of an email address: trimmed and lower-cased. One live registration per
 * address and event, one account per address and organisation, and every lookup by
 * address (sign-in, personal data) compare this, never the address as typed.
 */
export const emailKey = (email: string) => email.trim().toLowerCase();
