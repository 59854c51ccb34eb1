import { z } from "zod";
import { code } from "../lib/zodIssues";
import { isTimeZone } from "../lib/time";
import { withPersonNames, type PersonNames } from "./personNames";

// Shared field rules for the inputs of the service verbs. Routes validate with these,
// so a limit is written once.
export const language = z.enum(["sv", "en", "nb"]);
// Past events are allowed (funders' reports list them); years far off are typos.
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
export const instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() < LATEST, { params: { code: "year_range", from: 2000, to: 2199 } });
export const timezone = z
  .string()
  .max(64)
  .refine(isTimeZone, code("time_zone"))
  // Stored as the runtime spells it ("europe/stockholm" → "Europe/Stockholm"): calendar
  // clients match zone names exactly.
  .transform((zone) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone);
export const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, code("slug_format"));
/** An origin exactly as browsers send it: scheme, host and port, no path or trailing slash. */
export const embedOrigin = z
  .string()
  .trim()
  .max(200)
  .refine(
    (s) => {
      try {
        const url = new URL(s);
        // Scheme, host and port only; case and a default port are normalised below.
        const bare = url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
        // The host goes into a CSP header: letters, digits, dots and dashes only.
        const plainHost = /^[a-z0-9.-]+$/.test(url.hostname);
        return /^https?:$/.test(url.protocol) && bare && plainHost;
      } catch {
        return false;
      }
    },
    code("embed_origin"),
  )
  .transform((s) => new URL(s).origin);

export const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000);
// Control characters end up in email headers, CSV cells and calendar files; a NUL even
// cuts the stored text short. Multi-line text keeps tab and line breaks.
const multiLine = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const singleLine = /^[^\u0000-\u001F\u007F]*$/;
const text = (max: number) => z.string().trim().max(max).regex(multiLine, code("no_control"));
const line = (max: number) => z.string().trim().max(max).regex(singleLine, code("one_line"));
// Characters that change how a name looks in a list without being seen: direction
// controls (a name that reads backwards, or reorders what follows it) and invisible
// marks (a "blank" name, a name that looks like another). Letters of every script stay,
// and so do the joiners Persian and Indic names need (U+200C, U+200D).
const spoofing = /[\p{Bidi_Control}\u00AD\u034F\u115F\u1160\u180E\u200B\u2060-\u2064\u3164\uFEFF\uFFA0]/u;
/** A person's name: one line, nothing that disguises how it reads. */
export const personName = (max: number) => line(max).refine((s) => !spoofing.test(s), code("name_characters"));
const optionalText = (max: number) => text(max).nullish();
const optionalLine = (max: number) => line(max).nullish();

// An organisation's branding. The colour goes into stylesheets and emails as it is, so
// only the one spelling is taken (#rrggbb, stored lower-case).
export const accentColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, code("accent_color"))
  .transform((s) => s.toLowerCase());
// A phone number as people write it (+46 455-12 34 56); digits, spaces and + - ( ) only,
// so it also makes a tel: link.
export const contactPhone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?(?:[ ()-]*[0-9]){5,20}[ ()-]*$/, code("phone_number"));
/** The organisation's short footer: plain text, line breaks kept. */
export const footerText = text(280);

/** Which kinds of question take a list of options, and must have one. */
export const takesOptions = (kind: string) => kind === "select" || kind === "multiselect";

const questionId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, code("question_id"))
  // Answers (and translated labels) arrive as JSON objects keyed by these ids.
  .refine((id) => !["__proto__", "constructor", "prototype"].includes(id), code("reserved_id"));

export const question = z
  .strictObject({
    id: questionId,
    label: line(500).min(1),
    kind: z.enum(["text", "textarea", "select", "multiselect", "checkbox"]),
    options: z.array(line(200).min(1)).min(1).max(100).optional(),
    required: z.boolean().optional(),
  })
  .refine((q) => takesOptions(q.kind) === (q.options !== undefined), {
    message: code("options_for_kind"),
    path: ["options"],
  });

export const questions = z
  .array(question)
  .max(50)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, code("unique_ids"));

// A blank translated field means "the event's own words": dropped when stored, so the
// stored object holds only what a reader in that language sees instead.
const blankToUndefined = (s: string | undefined) => (s ? s : undefined);
const compact = <T extends object>(o: T): T | undefined => {
  const kept = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(kept).length ? kept : undefined;
};
/** The event's words in one language; the same limits as the event's own fields. */
const eventTranslation = z
  .strictObject({
    title: line(200).optional().transform(blankToUndefined),
    description: text(20_000).optional().transform(blankToUndefined),
    venue: line(200).optional().transform(blankToUndefined),
    address: text(500).optional().transform(blankToUndefined),
    // Labels by question id; a label for a question the event lacks is kept but never shown.
    questions: z
      .record(questionId, line(500))
      .refine((labels) => Object.keys(labels).length <= 50, { params: { code: "too_many", max: 50 } })
      .optional()
      .transform((labels) => (labels ? compact(Object.fromEntries(Object.entries(labels).filter(([, v]) => v))) : undefined)),
  })
  .transform(compact);
/**
 * `{ en?: {…}, nb?: {…}, sv?: {…} }`. The entry in the event's own language is stored
 * but never shown: the event's own fields are its words in that language.
 */
export const eventTranslations = z
  .strictObject({ sv: eventTranslation.optional(), en: eventTranslation.optional(), nb: eventTranslation.optional() })
  .transform((t) => compact(t) ?? {});

/** How an event's sessions are booked (src/db/schema/programme.ts), and at most how many one attendee chooses. */
export const programme = z.enum(["none", "choose", "package"]);
export const maxSessions = z.number().int().min(1).max(100).nullish();

export const eventFields = {
  title: line(200).min(1),
  startsAt: instant,
  endsAt: instant,
  timezone: timezone,
  capacity: z.number().int().min(0).max(100_000),
  slug: slug,
  description: optionalText(20_000),
  venue: optionalLine(200),
  address: optionalText(500),
  onlineUrl: httpUrl.nullish(),
  language: language,
  waitlist: z.boolean(),
  waitlistMode: z.enum(["auto", "offer"]),
  // Up to a week: an offer longer than that keeps everyone behind waiting too long.
  offerMinutes: z.number().int().min(1).max(10_080),
  registrationOpensAt: instant.nullish(),
  registrationClosesAt: instant.nullish(),
  status: z.enum(["draft", "published"]),
  questions: questions,
  groupLimit: z.number().int().min(1).max(20),
  translations: eventTranslations,
  programme: programme,
  maxSessions: maxSessions,
  // Who may sign up (src/domain/access), whether the event is on public lists, and at most
  // how many live registrations one company may hold.
  access: z.enum(["public", "invitation", "approval"]),
  listed: z.boolean(),
  companyQuota: z.number().int().min(1).max(1000).nullish(),
};

/** A session of an event's programme (src/domain/programme): a talk, a workshop, one date of a course. */
export const sessionFields = {
  title: line(200).min(1),
  startsAt: instant,
  endsAt: instant,
  // Null or left out: no limit of its own.
  capacity: z.number().int().min(0).max(100_000).nullish(),
  waitlist: z.boolean(),
  track: optionalLine(100),
  description: optionalText(5000),
  venue: optionalLine(200),
};
/** Session ids as a signup or a change of choices names them. */
export const sessionIds = z.array(z.string().min(1).max(64)).max(100);

/** An organiser's own paragraph in one kind of email, per language (src/domain/events/emailTexts.ts). */
const emailTextLanguages = z.strictObject({ sv: text(2000).optional(), nb: text(2000).optional(), en: text(2000).optional() });
export const emailTextsInput = z.strictObject({
  confirmed: emailTextLanguages.optional(),
  waitlisted: emailTextLanguages.optional(),
  reminder: emailTextLanguages.optional(),
});
export type EmailTextsInput = z.output<typeof emailTextsInput>;
/** A cover image's alt text: one line; blank means the event's title. */
export const coverAlt = line(200);

export const answerValue = z.union([text(5000), z.array(line(500)).max(100), z.boolean()]);

/**
 * A signup's fields. A person comes as `firstName` and `lastName`, or as `name` alone
 * (see withPersonNames): parse with `registrationInput`, or wrap a pick of these fields.
 */
export const registrationFields = z.strictObject({
  firstName: personName(100).min(1).optional(),
  lastName: personName(100).min(1).optional(),
  name: personName(200).min(1).optional(),
  email: z.string().trim().max(254).pipe(z.email()),
  organisation: optionalLine(200),
  phone: optionalLine(50),
  language: language.optional(),
  answers: z.record(z.string().max(64), answerValue).optional(),
  consent: z.boolean().optional(),
  // The sessions chosen, on an event whose programme is "choose".
  sessions: sessionIds.optional(),
  // The token of the invitation whose link this signup came through (an event by invitation).
  invitation: z.string().min(1).max(200).optional(),
});
export const registrationInput = withPersonNames(registrationFields);
/** Someone added by an organiser: no consent of theirs to record. */
export const attendeeByHand = withPersonNames(registrationFields.omit({ consent: true, sessions: true, invitation: true }));
/** Someone arriving at the door: who they are, nothing more. */
export const walkInInput = withPersonNames(registrationFields.pick({ firstName: true, lastName: true, name: true, email: true, organisation: true }));
/**
 * What a group signup asks for on an event that is full or would overflow without a
 * waitlist: everyone gets a seat or nobody is registered ("together"), or each takes a
 * seat in turn while seats last ("as_many_as_fit"). With a waitlist it changes nothing.
 */
export const groupModes = ["together", "as_many_as_fit"] as const;
export const groupMode = z.enum(groupModes);
export type GroupMode = z.output<typeof groupMode>;
/** Most groups travel together: part of a group with a seat is seldom what anyone wanted. */
export const defaultGroupMode: GroupMode = "together";
/** A signup as the domain takes it: the parts may be left out, then `name` is split. */
export type RegistrationInput = Omit<z.output<typeof registrationInput>, "firstName" | "lastName"> & Partial<Omit<PersonNames, "name">>;
