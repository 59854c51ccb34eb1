import { describe, expect, it } from "vitest";
import { isLastOwner } from "../../src/domain/accounts";
import { canActOn, listIsOpen } from "../../src/domain/attendees";
import { checkinRefusal, doorIsOpen, refuseCheckin } from "../../src/domain/checkin";
import { duplicateEvent, hasStarted, isEditable, refuseUnlessEditable, withQuestionIds, type EventRow } from "../../src/domain/events";
import { checkSignup, offersGroupChoice, registrantCanChange } from "../../src/domain/signup";
import { AppError } from "../../src/lib/errors";

// Rules that pages and routes used to decide for themselves, now asked of the domain.
const at = (iso: string) => new Date(iso);

const event = (overrides: Partial<EventRow> = {}): EventRow =>
  ({
    id: "evt_1",
    orgId: "org_1",
    slug: "lean-kurs",
    title: "LEAN-kurs",
    status: "published",
    timezone: "Europe/Stockholm",
    startsAt: at("2027-03-18T08:30:00Z"),
    endsAt: at("2027-03-18T11:00:00Z"),
    registrationOpensAt: at("2027-02-01T08:00:00Z"),
    registrationClosesAt: at("2027-03-17T22:59:00Z"),
    anonymisedAt: null,
    questions: [],
    ...overrides,
  }) as EventRow;

describe("events", () => {
  it("has started from its first minute on", () => {
    expect(hasStarted(event(), at("2027-03-18T08:29:59Z"))).toBe(false);
    expect(hasStarted(event(), at("2027-03-18T08:30:00Z"))).toBe(true);
    expect(hasStarted({ startsAt: "2027-03-18T08:30:00.000Z" }, at("2027-03-19T00:00:00Z"))).toBe(true);
  });

  it("cannot be changed once cancelled, with a code each surface words", () => {
    expect(isEditable(event())).toBe(true);
    expect(isEditable(event({ status: "cancelled" }))).toBe(false);
    expect(() => refuseUnlessEditable(event({ status: "draft" }))).not.toThrow();
    const refused = (() => {
      try {
        refuseUnlessEditable(event({ status: "cancelled" }));
      } catch (err) {
        return err;
      }
    })() as AppError;
    expect(refused).toBeInstanceOf(AppError);
    expect([refused.reason, refused.code, refused.status]).toEqual(["cancelled_event_unchangeable", "event_cancelled", 409]);
  });

  it("is duplicated a week later at the same local time, across the change to summer time, without its slug, as a draft", () => {
    const copy = duplicateEvent(event({ startsAt: at("2027-03-25T08:30:00Z"), endsAt: at("2027-03-25T11:00:00Z"), status: "cancelled" }));
    // 09:30 in Stockholm before the change (UTC+1) and after it (UTC+2).
    expect(copy.startsAt.toISOString()).toBe("2027-04-01T07:30:00.000Z");
    expect(copy.endsAt.toISOString()).toBe("2027-04-01T10:00:00.000Z");
    expect(copy.registrationOpensAt?.toISOString()).toBe("2027-02-08T08:00:00.000Z");
    expect(copy.registrationClosesAt?.toISOString()).toBe("2027-03-24T22:59:00.000Z");
    expect(copy.slug).toBe("");
    expect(copy.status).toBe("draft");
    expect(duplicateEvent(event({ registrationOpensAt: null })).registrationOpensAt).toBeNull();
  });

  it("gives new questions ids from their labels, keeps given ids, and never repeats one", () => {
    const ids = withQuestionIds([
      { id: "lunch", label: "Lunch", row: 0 },
      { id: "", label: "Specialkost?", row: 1 },
      { id: "", label: "Lunch", row: 3 },
      { id: "", label: "Övrigt på hjärtat", row: 4 },
    ]);
    expect(ids).toEqual(["lunch", "specialkost", "lunch-4", "ovrigt-pa-hjartat"]);
  });
});

describe("signup", () => {
  const rules = { questions: [{ id: "lunch", label: "Lunch", kind: "select" as const, options: ["Kött", "Fisk"], required: true }], groupLimit: 2, requireConsent: true };

  it("checks the group limit, answers, each email once and consent, in one place", () => {
    const { errors } = checkSignup(rules, [
      { email: "anna@example.se", answers: { lunch: "Soppa" }, consent: true },
      { email: "ANNA@example.se ", answers: {}, consent: false },
      { email: "bo@example.se", answers: { lunch: "Fisk" }, consent: true },
    ]);
    expect(errors).toEqual({
      attendees: { code: "group_limit", max: 2 },
      "attendees.0.answers.lunch": { code: "option" },
      "attendees.1.answers.lunch": { code: "required" },
      "attendees.1.email": { code: "duplicate" },
      consent: { code: "consent" },
    });
  });

  it("names one person's fields without a prefix, and stores answers normalised", () => {
    const one = checkSignup({ ...rules, requireConsent: false }, [{ answers: { lunch: "Fisk" } }]);
    expect(one).toEqual({ answers: [{ lunch: "Fisk" }], errors: {} });
    expect(checkSignup(rules, [{ answers: {} }]).errors).toEqual({ "answers.lunch": { code: "required" }, consent: { code: "consent" } });
  });

  it("asks a group to choose together or as many as fit only where groups exist and nobody can wait", () => {
    expect(offersGroupChoice({ waitlist: false, groupLimit: 5 })).toBe(true);
    expect(offersGroupChoice({ waitlist: true, groupLimit: 5 })).toBe(false);
    expect(offersGroupChoice({ waitlist: false, groupLimit: 1 })).toBe(false);
  });

  it("lets registrants change their registration while it is live and the event goes ahead", () => {
    expect(registrantCanChange({ status: "waitlisted" }, { status: "published" })).toBe(true);
    expect(registrantCanChange({ status: "cancelled" }, { status: "published" })).toBe(false);
    expect(registrantCanChange({ status: "confirmed" }, { status: "cancelled" })).toBe(false);
  });
});

describe("the attendance list and the door", () => {
  it("keeps the list open until the event is cancelled or its personal data removed", () => {
    expect(listIsOpen(event())).toBe(true);
    expect(listIsOpen(event({ status: "cancelled" }))).toBe(false);
    expect(listIsOpen(event({ anonymisedAt: at("2028-01-01T00:00:00Z") }))).toBe(false);
    expect(canActOn({ status: "waitlisted" }, event())).toBe(true);
    expect(canActOn({ status: "cancelled" }, event())).toBe(false);
    expect(canActOn({ status: "confirmed" }, event({ status: "cancelled" }))).toBe(false);
  });

  it("checks in only a confirmed person to an event that goes ahead, and says why not", () => {
    expect(checkinRefusal({ status: "confirmed" }, event())).toBeNull();
    expect(checkinRefusal({ status: "cancelled" }, event())).toBe("checkin_cancelled");
    expect(checkinRefusal({ status: "waitlisted" }, event({ status: "cancelled" }))).toBe("checkin_waitlisted");
    expect(checkinRefusal({ status: "confirmed" }, event({ status: "cancelled" }))).toBe("checkin_event_cancelled");
    expect(doorIsOpen(event({ status: "cancelled" }))).toBe(false);
    expect(refuseCheckin({ status: "waitlisted" })?.status).toBe(409);
  });
});

describe("members", () => {
  it("knows the one owner who can neither step down nor leave", () => {
    const anna = { id: "usr_a", role: "owner" as const };
    const bo = { id: "usr_b", role: "organiser" as const };
    expect(isLastOwner(anna, [anna, bo])).toBe(true);
    expect(isLastOwner(anna, [anna, bo, { id: "usr_c", role: "owner" }])).toBe(false);
    expect(isLastOwner(bo, [anna, bo])).toBe(false);
  });
});
