/**
 * The words of the field errors a person can cause on a signup form. The API sends them
 * as they are; the pages look them up here to show their own language instead.
 */
export const fieldMessage = {
  required: "Required.",
  email: "Must be a valid email address.",
  oneLine: "Must be one line without control characters.",
  noControl: "Must not contain control characters.",
  option: "Must be one of the options.",
  options: "Must be a list of the options.",
  duplicate: "Given twice in this signup.",
  alreadyRegistered: "Already registered for this event.",
  consent: "Consent to the privacy notice is required.",
  tooLong: (max: number) => `At most ${max} characters.`,
  groupLimit: (n: number) => `At most ${n} people per signup.`,
} as const;
