import { liveStatuses, type Answers, type Question } from "../../db/schema";
import type { FieldErrors } from "../../lib/errors";
import { emailKey } from "../../lib/emailKey";
import { checkAnswers } from "./answers";

export interface SignupRules {
  questions: Question[];
  groupLimit: number;
  requireConsent: boolean;
}

/**
 * The event's own rules for one signup of several people: at most `groupLimit` of them,
 * answers that fit its questions, each email once, and consent when the organisation asks
 * for it. Field errors of person i are keyed `attendees.i.<field>` when there are several.
 * Returns each person's answers as they are stored.
 */
export function checkSignup(rules: SignupRules, attendees: { email?: string; answers?: Answers; consent?: boolean }[]) {
  const prefix = (i: number) => (attendees.length > 1 ? `attendees.${i}.` : "");
  const keys = attendees.map((a) => (a.email === undefined ? undefined : emailKey(a.email)));
  const errors: FieldErrors = {};
  if (attendees.length > rules.groupLimit) errors.attendees = { code: "group_limit", max: rules.groupLimit };
  const answers = attendees.map((a, i) => {
    const checked = checkAnswers(rules.questions, a.answers);
    for (const [key, issue] of Object.entries(checked.errors)) errors[prefix(i) + key] = issue;
    if (keys[i] !== undefined && keys.indexOf(keys[i]) < i) errors[`${prefix(i)}email`] = { code: "duplicate" };
    return checked.answers;
  });
  if (rules.requireConsent && attendees.some((a) => a.consent !== true)) errors.consent = { code: "consent" };
  return { answers, errors };
}

/**
 * Whether the form asks a group what to do when not everyone gets a seat: only where
 * groups exist and there is no waitlist, since with one everybody gets a seat or a place
 * in line, in order, whatever is chosen.
 */
export const offersGroupChoice = (event: { waitlist: boolean; groupLimit: number }) => !event.waitlist && event.groupLimit > 1;

/** Whether registrants may still change or cancel their own registration: it is live and the event goes ahead. */
export const registrantCanChange = (registration: { status: string }, event: { status: string }) =>
  isLive(registration) && event.status !== "cancelled";

/** A registration that holds its email for the event: confirmed, waitlisted or offered a seat. */
export const isLive = (registration: { status: string }) => (liveStatuses as readonly string[]).includes(registration.status);

/**
 * What a signup spends of its sender's limits: one per person registered, and one per
 * address other than the first person's (the submitter's), which gets an email the
 * sender chose to send. A group is one form post but many people and many inboxes.
 */
export function signupCost(attendees: { email: string }[]) {
  const own = attendees[0] === undefined ? undefined : emailKey(attendees[0].email);
  const others = new Set(attendees.map((a) => emailKey(a.email)).filter((k) => k !== own));
  return { people: attendees.length, otherAddresses: others.size };
}
