import { describe, expect, it } from "vitest";
import { formatDeadline, formatWhen } from "../../src/i18n/format";

// How each language writes a time in running text (the glossary): "kl. 09.30" in Swedish and
// Norwegian, "09:30" in English; no zone name, the event's own zone being its readers'.
const start = new Date("2027-03-18T08:30:00Z"); // 09:30 in Stockholm (CET)
const end = new Date("2027-03-18T15:30:00Z");
const nextDay = new Date("2027-03-19T15:00:00Z");

describe("formatWhen", () => {
  it("writes one day's event with its day once", () => {
    expect(formatWhen(start, end, "Europe/Stockholm", "sv")).toBe("torsdag 18 mars 2027 kl. 09.30–16.30");
    expect(formatWhen(start, end, "Europe/Oslo", "nb")).toBe("torsdag 18. mars 2027 kl. 09.30–16.30");
    expect(formatWhen(start, end, "Europe/Stockholm", "en")).toBe("Thursday 18 March 2027, 09:30–16:30");
  });

  it("gives both ends their day across midnight, and one time for a moment", () => {
    expect(formatWhen(start, nextDay, "Europe/Stockholm", "sv")).toBe("torsdag 18 mars 2027 kl. 09.30 – fredag 19 mars 2027 kl. 16.00");
    expect(formatWhen(start, nextDay, "Europe/London", "en")).toBe("Thursday 18 March 2027, 08:30 – Friday 19 March 2027, 15:00");
    expect(formatWhen(start, start, "Europe/Oslo", "nb")).toBe("torsdag 18. mars 2027 kl. 09.30");
  });

  it("is on the event's clock, whatever the server's: summer time included", () => {
    const june = new Date("2027-06-10T07:00:00Z");
    expect(formatWhen(june, new Date("2027-06-10T11:00:00Z"), "Europe/Stockholm", "sv")).toBe("torsdag 10 juni 2027 kl. 09.00–13.00");
    expect(formatWhen(june, new Date("2027-06-10T11:00:00Z"), "America/New_York", "en")).toBe("Thursday 10 June 2027, 03:00–07:00");
  });
});

describe("formatDeadline", () => {
  it("says the reply-by moment the same way", () => {
    expect(formatDeadline(start, "Europe/Stockholm", "sv")).toBe("torsdag 18 mars 2027 kl. 09.30");
    expect(formatDeadline(start, "Europe/Oslo", "nb")).toBe("torsdag 18. mars 2027 kl. 09.30");
    expect(formatDeadline(start, "Europe/Stockholm", "en")).toBe("Thursday 18 March 2027 at 09:30");
  });
});

describe("formatHours", () => {
  it("gives a part of one day its hours alone, on the event's clock; across days both ends with their day", async () => {
    const { formatHours } = await import("../../src/i18n/format");
    expect(formatHours(start, end, "Europe/Stockholm", "sv")).toBe("09.30–16.30");
    expect(formatHours(start, end, "Europe/Oslo", "nb")).toBe("09.30–16.30");
    expect(formatHours(start, end, "Europe/London", "en")).toBe("08:30–15:30");
    expect(formatHours(start, nextDay, "Europe/Stockholm", "sv")).toBe(formatWhen(start, nextDay, "Europe/Stockholm", "sv"));
  });
});
