import { describe, expect, it } from "vitest";
import { pageFieldError, pageMessages, pageRefusal } from "../../src/i18n/pages";
import { workspaceError, workspaceField } from "../../src/i18n/workspace/errors";
import { AppError, type FieldIssue } from "../../src/lib/errors";
import { adminWords, refusalText, shownErrors } from "../../src/http/web/admin/errors";
import type { Language } from "../../src/db/schema";

// Each surface words the same codes once: the attendee pages in sv, nb and en, the
// workspace too (reusing the pages' words in sv and nb where they say the same thing).
const field = (language: Language, issue: FieldIssue) => pageFieldError(pageMessages(language), issue, language);
const refusal = (language: Language, err: AppError) => pageRefusal(pageMessages(language), err, language);

describe("the attendee pages' words for field codes", () => {
  it.each([
    [{ code: "required" }, "Fyll i det här fältet.", "Fyll ut dette feltet.", "Please fill in this field."],
    [{ code: "too_long", max: 200 }, "Högst 200 tecken.", "Maks 200 tegn.", "No more than 200 characters."],
    [{ code: "email" }, "Skriv en giltig e-postadress, till exempel namn@foretag.se.", "Skriv inn en gyldig e-postadresse, for eksempel navn@firma.no.", "Enter a valid email address, for example name@company.com."],
    [{ code: "group_limit", max: 5 }, "Högst 5 personer per anmälan.", "Maks 5 personer per påmelding.", "No more than 5 people per registration."],
    [{ code: "duplicate" }, "Samma e-postadress finns två gånger i anmälan.", "Den samme e-postadressen står to ganger i påmeldingen.", "The same email address appears twice in this registration."],
    [{ code: "one_of", options: ["sv", "en", "nb"] }, "Välj bland alternativen.", "Velg et av alternativene.", "Choose one of the options."],
    // A code the pages have no words for asks the reader to check the field.
    [{ code: "slug_format" }, "Kontrollera det här fältet.", "Kontroller dette feltet.", "Please check this field."],
  ] as [FieldIssue, string, string, string][])("%o", (issue, sv, nb, en) => {
    expect(field("sv", issue)).toBe(sv);
    expect(field("nb", issue)).toBe(nb);
    expect(field("en", issue)).toBe(en);
  });

  it("has the same codes in every language", () => {
    for (const language of ["nb", "en"] as const) {
      expect(Object.keys(pageMessages(language).fieldErrors).sort()).toEqual(Object.keys(pageMessages("sv").fieldErrors).sort());
      expect(Object.keys(pageMessages(language).refusals).sort()).toEqual(Object.keys(pageMessages("sv").refusals).sort());
    }
  });
});

describe("the attendee pages' words for refusals", () => {
  it("says what happened in the reader's language, by code", () => {
    expect(refusal("sv", new AppError("event_started")).text).toBe("Evenemanget har börjat. Kontakta arrangören om din anmälan behöver ändras.");
    expect(refusal("nb", new AppError("calendar_needs_seat")).text).toBe("Kalenderoppføringen får du når du har fått plass.");
    expect(refusal("en", new AppError("registration_cancelled")).title).toBe("That is not possible");
    expect(refusal("sv", new AppError("signup_not_open"))).toEqual({ title: "Anmälan är stängd", text: "Anmälan har inte öppnat än." });
  });

  it("falls back on what the status means to someone filling in a form", () => {
    expect(refusal("sv", new AppError("registration_not_found"))).toEqual({ title: "Sidan finns inte", text: pageMessages("sv").notFoundText });
    expect(refusal("nb", new AppError("invalid_request")).title).toBe("Det gikk ikke");
    expect(refusal("en", new AppError("cross_site")).title).toBe("The form could not be sent");
    const limited = pageRefusal(pageMessages("sv"), { reason: "rate_limited", status: 429, params: { seconds: "30" } }, "sv");
    expect(limited).toEqual({ title: "För många försök", text: "Du har skickat många anmälningar på kort tid. Vänta 30 sekunder och försök igen." });
  });
});

describe("the workspace's words for codes", () => {
  it("uses an organiser's wording in English, with lists written as alternatives", () => {
    expect(workspaceField({ code: "after_start" }, "en")).toBe("Must be after the start.");
    expect(workspaceField({ code: "one_of", options: ["confirmed", "waitlisted", "cancelled"] }, "en")).toBe("Choose confirmed, waitlisted or cancelled.");
    expect(workspaceField({ code: "too_short", min: 10 }, "en")).toBe("Use at least 10 characters.");
    expect(workspaceError("not_waitlisted", { name: "Anna Berg" }, "en")).toBe("Anna Berg is not on the waitlist (any more).");
    expect(workspaceError("cancelled_event_unchangeable", {}, "en")).toBe("A cancelled event cannot be changed. Duplicate it to hold it again.");
  });

  it("has the attendee pages' words in Swedish and Norwegian where they say the same, an organiser's elsewhere", () => {
    expect(workspaceField({ code: "required" }, "sv")).toBe("Fyll i det här fältet.");
    expect(workspaceField({ code: "too_long", max: 50 }, "nb")).toBe("Maks 50 tegn.");
    expect(workspaceField({ code: "after_start" }, "sv")).toBe("Måste vara efter starttiden.");
    expect(workspaceField({ code: "one_of", options: ["confirmed", "waitlisted", "cancelled"] }, "sv")).toBe("Välj confirmed, waitlisted eller cancelled.");
    expect(workspaceError("not_waitlisted", { name: "Anna Berg" }, "nb")).toBe("Anna Berg står ikke (lenger) på ventelisten.");
  });

  it("writes numbers as each language does, and years as years", () => {
    expect(workspaceField({ code: "too_big", max: 10080 }, "sv")).toBe("Högst 10\u00a0080.");
    expect(workspaceField({ code: "too_big", max: 10080 }, "nb")).toBe("Maks 10\u00a0080.");
    expect(workspaceField({ code: "too_big", max: 10080 }, "en")).toBe("At most 10080.");
    expect(workspaceField({ code: "year_range", from: 2000, to: 2100 }, "sv")).toBe("Måste vara mellan åren 2000 och 2100.");
  });

  it("is what the workspace's pages and scripts show", () => {
    expect(shownErrors({ capacity: { code: "whole_number" }, slug: { code: "taken" } }, "en")).toEqual({ capacity: "Enter a whole number.", slug: "Already in use." });
    expect(adminWords("en").error(new AppError("code_other_event", { event: "Styrelsemöte" }))).toBe("This code is for another event: Styrelsemöte.");
    const refused = new AppError("invalid_request", {}, { status: { code: "one_of", options: ["confirmed", "waitlisted", "cancelled"] } });
    expect(refusalText(refused, "en")).toBe("The request has invalid fields. Choose confirmed, waitlisted or cancelled.");
  });
});
