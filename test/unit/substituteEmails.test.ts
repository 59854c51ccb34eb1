import { describe, expect, it } from "vitest";
import { templates, type EmailData } from "../../emails";
import { messages } from "../../src/i18n/messages";

// The two emails of a seat passed on, in each language: who sent the new person, and where
// the old holder's seat went (with no manage link, as theirs has ended).
const data = (language: EmailData["language"], handover: EmailData["handover"]): EmailData => ({
  language,
  name: "Bo Berg",
  orgName: "Techtank",
  event: { title: "Leankonferens Blekinge", when: "torsdag 18 mars 2027 kl. 09.30–16.30", venue: null, address: null, url: "https://plats.test/e/lean", onlineUrl: null, offers: false },
  manageUrl: "https://plats.test/r/AAAAAAAAAAAAAAAAAAAAAA",
  position: null,
  calendar: null,
  checkin: null,
  offer: null,
  message: null,
  handover,
});

describe("the emails of a seat passed on", () => {
  it.each([
    ["sv", "Bekräftelse: Leankonferens Blekinge", "Anna Andersson har gett dig sin plats på Leankonferens Blekinge"],
    ["nb", "Bekreftelse: Leankonferens Blekinge", "Anna Andersson har gitt deg plassen sin på Leankonferens Blekinge"],
    ["en", "Confirmed: Leankonferens Blekinge", "Anna Andersson has passed their seat at Leankonferens Blekinge on to you"],
  ] as const)("%s: the new person's confirmation names who sent them and carries their link", (language, subject, intro) => {
    const r = templates.substitute_confirmed(messages(language), data(language, { name: "Anna Andersson" }));
    expect(r.subject).toBe(subject);
    expect(r.text).toContain(intro);
    expect(r.text).toContain("https://plats.test/r/AAAAAAAAAAAAAAAAAAAAAA");
  });

  it.each([
    ["sv", "Platsen är överlämnad: Leankonferens Blekinge", "till Bo Berg", "Kalenderposten"],
    ["nb", "Plassen er gitt videre: Leankonferens Blekinge", "videre til Bo Berg", "Kalenderoppføringen"],
    ["en", "Seat passed on: Leankonferens Blekinge", "on to Bo Berg", "removed from your calendar"],
  ] as const)("%s: the old holder is told where the seat went, without a manage link", (language, subject, to, calendar) => {
    const r = templates.substitute_replaced(messages(language), { ...data(language, { name: "Bo Berg", calendarWithdrawn: true }), name: "Anna Andersson" });
    expect(r.subject).toBe(subject);
    expect(r.text).toContain(to);
    expect(r.text).toContain(calendar);
    expect(r.text).not.toContain("/r/");
    expect(r.html).not.toContain("/r/");
    const without = templates.substitute_replaced(messages(language), { ...data(language, { name: "Bo Berg" }), name: "Anna Andersson" });
    expect(without.text).not.toContain(calendar);
  });
});
