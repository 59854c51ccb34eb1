import { describe, expect, it } from "vitest";
import { fromLocalInput } from "../../src/lib/localTime";

// Wall-clock times entered in the workspace, on days the clocks change (Stockholm and
// Oslo: forward 02:00 → 03:00 on the last Sunday of March, back 03:00 → 02:00 in October).
describe("a local time on the day the clocks change", () => {
  it("is refused when the clocks skip it, not moved to another hour", () => {
    expect(fromLocalInput("2027-03-28T02:30", "Europe/Stockholm")).toBe("skipped");
    expect(fromLocalInput("2027-03-28T02:00", "Europe/Oslo")).toBe("skipped");
    expect(fromLocalInput("2027-03-28T01:59", "Europe/Stockholm")).toEqual(new Date("2027-03-28T00:59:00Z"));
    expect(fromLocalInput("2027-03-28T03:00", "Europe/Stockholm")).toEqual(new Date("2027-03-28T01:00:00Z"));
    // The same wall-clock time is fine in a zone whose clocks do not change then.
    expect(fromLocalInput("2027-03-28T02:30", "America/New_York")).toEqual(new Date("2027-03-28T06:30:00Z"));
  });

  it("takes an hour that happens twice the first time", () => {
    expect(fromLocalInput("2027-10-31T02:30", "Europe/Stockholm")).toEqual(new Date("2027-10-31T00:30:00Z"));
  });

  it("says invalid for what is not a date and time", () => {
    for (const bad of ["2027-02-31T09:00", "2027-13-01T09:00", "18 mars 09:30", "2027-03-18T24:00"])
      expect(fromLocalInput(bad, "Europe/Stockholm")).toBe("invalid");
  });
});
