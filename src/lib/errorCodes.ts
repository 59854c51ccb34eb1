// The words of errors live in the catalogues (src/i18n/errors, the pages' and the
// workspace's); here are only the codes, with the parameters each one's words may name.
// A code never changes meaning: clients read `error.code` and `fieldCodes` in API errors.

/** The API's `error.code` values and their HTTP status: the contract clients program against. */
export const errorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_registered: 409,
  event_full: 409,
  session_full: 409,
  invitation_required: 403,
  invitation_revoked: 403,
  invitation_used: 409,
  company_quota: 409,
  registration_closed: 409,
  event_cancelled: 409,
  slug_taken: 409,
  not_confirmed: 409,
  offer_expired: 409,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

/**
 * Why a request is refused: every reason the domain or the HTTP layer gives, with the
 * error code it is sent as (so its status) and the parameters its words name. Finer than
 * the codes, so each surface can say exactly what happened in its own words.
 */
export const reasons = {
  invalid_request: { code: "invalid_request", params: [] },
  bad_request: { code: "invalid_request", params: [] },
  json_required: { code: "invalid_request", params: [] },
  malformed_json: { code: "invalid_request", params: [] },
  unauthorized: { code: "unauthorized", params: [] },
  sign_in_required: { code: "unauthorized", params: [] },
  forbidden: { code: "forbidden", params: [] },
  role_not_allowed: { code: "forbidden", params: [] },
  cross_site: { code: "forbidden", params: [] },
  not_found: { code: "not_found", params: [] },
  route_not_found: { code: "not_found", params: [] },
  page_not_found: { code: "not_found", params: [] },
  // A signup's result page after its time: the emails carry what it showed.
  result_expired: { code: "not_found", params: [] },
  event_not_found: { code: "not_found", params: [] },
  registration_not_found: { code: "not_found", params: [] },
  // A selection on the attendance list names a registration that is not on that list.
  not_on_list: { code: "not_found", params: [] },
  code_not_found: { code: "not_found", params: [] },
  member_not_found: { code: "not_found", params: [] },
  message_not_found: { code: "not_found", params: [] },
  organisation_not_found: { code: "not_found", params: [] },
  token_not_found: { code: "not_found", params: [] },
  webhook_not_found: { code: "not_found", params: [] },
  delivery_not_found: { code: "not_found", params: [] },
  already_registered: { code: "already_registered", params: [] },
  already_has_place: { code: "already_registered", params: [] },
  event_full: { code: "event_full", params: [] },
  full_no_waitlist: { code: "event_full", params: [] },
  walk_in_full: { code: "event_full", params: [] },
  // A chosen session of the programme is full and takes no waitlist.
  session_full: { code: "session_full", params: [] },
  session_not_found: { code: "not_found", params: [] },
  // A cancelled session stays as everyone was told it was.
  session_cancelled: { code: "conflict", params: [] },
  // Checked in to a session without a seat in it.
  not_in_session: { code: "not_confirmed", params: [] },
  // How sessions are booked cannot change once people have registered.
  programme_locked: { code: "conflict", params: [] },
  // A session for an event whose programme is "none": nobody would see it.
  no_programme: { code: "conflict", params: [] },
  // Access: an event by invitation without a valid link, with a revoked one, or one whose
  // seats are taken; a company at its quota; an application no longer pending.
  invitation_required: { code: "invitation_required", params: [] },
  invitation_revoked: { code: "invitation_revoked", params: [] },
  invitation_used: { code: "invitation_used", params: [] },
  invitation_not_found: { code: "not_found", params: [] },
  invitation_closed: { code: "conflict", params: [] },
  company_quota: { code: "company_quota", params: [] },
  not_pending: { code: "conflict", params: [] },
  signup_not_open: { code: "registration_closed", params: [] },
  signup_closed: { code: "registration_closed", params: [] },
  signup_cancelled: { code: "registration_closed", params: [] },
  event_started: { code: "registration_closed", params: [] },
  registration_cancelled: { code: "registration_closed", params: [] },
  event_cancelled: { code: "event_cancelled", params: [] },
  cancelled_event_unchangeable: { code: "event_cancelled", params: [] },
  already_published: { code: "conflict", params: [] },
  checkin_event_cancelled: { code: "event_cancelled", params: [] },
  slug_taken: { code: "slug_taken", params: ["slug"] },
  org_slug_taken: { code: "slug_taken", params: ["slug"] },
  checkin_cancelled: { code: "not_confirmed", params: [] },
  checkin_waitlisted: { code: "not_confirmed", params: [] },
  calendar_needs_seat: { code: "not_confirmed", params: [] },
  // Sending someone in one's place: only a seat can be handed over.
  substitute_needs_seat: { code: "not_confirmed", params: [] },
  event_anonymised: { code: "conflict", params: [] },
  already_cancelled: { code: "conflict", params: ["name"] },
  nothing_to_resend: { code: "conflict", params: [] },
  changed_meanwhile: { code: "conflict", params: [] },
  not_waitlisted: { code: "conflict", params: ["name"] },
  // Offers of a freed seat: answering one that ran out, or one there is not (any more).
  offer_expired: { code: "offer_expired", params: [] },
  not_offered: { code: "conflict", params: [] },
  offer_not_open: { code: "conflict", params: ["name"] },
  code_other_event: { code: "conflict", params: ["event"] },
  member_exists: { code: "conflict", params: [] },
  // An organisation has at most MAX_ENDPOINTS webhook endpoints (src/domain/webhooks/types.ts).
  too_many_webhooks: { code: "conflict", params: ["max"] },
  last_owner_role: { code: "conflict", params: [] },
  last_owner_remove: { code: "conflict", params: [] },
  payload_too_large: { code: "payload_too_large", params: ["kib"] },
  rate_limited: { code: "rate_limited", params: [] },
  // A limit of its own on signups for other people's addresses (a group's colleagues), so
  // a page can say so; clients see the same code as any rate limit.
  too_many_other_addresses: { code: "rate_limited", params: [] },
  internal_error: { code: "internal_error", params: ["id"] },
  export_failed: { code: "unavailable", params: [] },
} as const satisfies Record<string, { code: ErrorCode; params: readonly string[] }>;
export type Reason = keyof typeof reasons;

/**
 * Every field error, with the parameters its words name. zod's issues are mapped onto
 * these in one place (src/lib/zodIssues.ts); the domain's own rules use them directly.
 */
export const fieldCodes = {
  // Shape and size, mostly from zod
  required: [],
  unknown_field: [],
  too_long: ["max"],
  too_short: ["min"],
  too_big: ["max"],
  too_small: ["min"],
  too_many: ["max"],
  too_few: ["min"],
  whole_number: [],
  text: [],
  number: [],
  boolean: [],
  list: [],
  object: [],
  invalid: [],
  one_of: ["options"],
  // Formats
  email: [],
  url: [],
  date_time: [],
  local_date_time: [],
  start_day: [],
  end_day: [],
  year_range: ["from", "to"],
  time_zone: [],
  slug_format: [],
  embed_origin: [],
  one_line: [],
  no_control: [],
  name_characters: [],
  time_skipped: [],
  checkin_code: [],
  // Events and their questions
  question_id: [],
  reserved_id: [],
  options_for_kind: [],
  unique_ids: [],
  after_start: [],
  after_opening: [],
  not_after_end: [],
  taken: [],
  // Signing up and answering
  unknown_question: [],
  option: [],
  options: [],
  duplicate: [],
  already_registered: [],
  // The address given for someone sent in one's place already holds a registration.
  email_registered: [],
  consent: [],
  group_limit: ["max"],
  // Choosing sessions of a programme
  no_choices: [],
  unknown_session: [],
  session_cancelled: [],
  overlapping: [],
  outside_event: [],
  // The workspace's own forms
  passwords_differ: [],
  wrong_password: [],
  try_again_in: ["seconds"],
  already_member: [],
  privacy_url_needed: [],
  retention_days: ["min", "max"],
  nothing_to_change: [],
  offer_deadline: [],
  end_before_start: [],
  range_too_long: ["years"],
  checkin_code_needs_event: [],
  nobody_confirmed: [],
  nobody_waitlisted: [],
  draft_expired: [],
  action_prefix: [],
  page_link: [],
  search_words: ["max"],
  // The organisation's branding
  accent_color: [],
  phone_number: [],
  logo_type: [],
  logo_too_large: ["kib"],
  // An event's cover image
  cover_type: [],
  cover_too_large: ["kib"],
  cover_dimensions: ["minWidth", "maxSide", "width", "height"],
  none_selected: [],
  // A webhook endpoint's URL: https only, and not to a private, loopback or metadata address.
  webhook_not_https: [],
  webhook_private_address: [],
  nobody_selected: [],
} as const satisfies Record<string, readonly string[]>;
export type FieldCode = keyof typeof fieldCodes;

/** A parameter's value: a list (the options of `one_of`) is joined in the reader's language. */
export type ParamValue = string | number | readonly string[];
type ParamsOf<Names extends readonly string[]> = { [K in Names[number]]: ParamValue };

/** One field's error: its code and that code's parameters, e.g. `{ code: "too_long", max: 200 }`. */
export type FieldIssue = { [C in FieldCode]: { code: C } & ParamsOf<(typeof fieldCodes)[C]> }[FieldCode];
/** Field errors by field name (`email`, `answers.lunch`, `attendees.1.email`). */
export type FieldErrors = Record<string, FieldIssue>;

export type ReasonParams<R extends Reason> = ParamsOf<(typeof reasons)[R]["params"]>;

export const isFieldCode = (s: unknown): s is FieldCode => typeof s === "string" && Object.hasOwn(fieldCodes, s);
