import { describe, expect, it } from "vitest";
import { companyKey } from "../../src/lib/companyKey";

describe("companyKey: one company however it is written", () => {
  it("folds case, accents, spacing, punctuation and legal forms", () => {
    const volvo = ["Volvo Cars AB", "volvo cars", "VOLVO CARS AB (publ)", "Volvo  Cars, AB", " Volvo Cars Aktiebolag "];
    expect(new Set(volvo.map(companyKey))).toEqual(new Set(["volvo cars"]));
    expect(companyKey("Kongsberg Gruppen ASA")).toBe(companyKey("Kongsberg Gruppen"));
    expect(companyKey("Equinor A/S")).toBe("equinor");
    expect(companyKey("Wärtsilä Oyj")).toBe(companyKey("Wartsila"));
    expect(companyKey("Acme Ltd.")).toBe("acme");
    expect(companyKey("Södra Cell")).toBe(companyKey("SÖDRA CELL AB"));
  });

  it("keeps names that are only a legal form, and different companies apart", () => {
    expect(companyKey("AB")).toBe("ab");
    expect(companyKey("Volvo Cars")).not.toBe(companyKey("Volvo Group"));
    expect(companyKey("")).toBeNull();
    expect(companyKey(null)).toBeNull();
    expect(companyKey("  ,. ")).toBeNull();
  });
});
