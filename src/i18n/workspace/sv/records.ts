import { recordsExports } from "./recordsExports";
import { recordsPrivacy } from "./recordsPrivacy";

/** Reports, personal data, the audit log and the downloaded files. */
export const records = {
  reports: {
    title: "Rapporter",
    heading: "Deltagande",
    from: "Från",
    to: "Till",
    show: "Visa",
    download: "Ladda ner:",
    xlsx: "Excel (.xlsx)",
    csv: "CSV",
    csvSemicolon: "CSV med semikolon (svenskt Excel)",
    /** Each count of the summary: the number, then these words. */
    stats: {
      events: { one: "evenemang", other: "evenemang" },
      people: { one: "person", other: "personer" },
      confirmed: { one: "bekräftad", other: "bekräftade" },
      attended: { one: "deltog", other: "deltog" },
      anonymised: { one: "anonymiserad anmälan", other: "anonymiserade anmälningar" },
    },
    explained:
      "Evenemang som börjar från {from} till och med {to} (enligt varje evenemangs egen kalender); inställda evenemang räknas inte. " +
      "Anmälningar är de bekräftade och de på väntelistan (avbokade anmälningar räknas inte: {cancelled}). " +
      "Deltog betyder incheckad. Organisationerna grupperas som deltagarna skrev dem, oavsett stora och små bokstäver och mellanslag.",
    anonymisedExplained:
      " {events} av evenemangen har passerat lagringstiden: deras {registrations} ({confirmed} bekräftade, {attended} deltog) har inte längre några namn. " +
      "De ingår i summorna, men inte i någon organisations eller persons rad och inte bland personerna som räknas.",
    registrations: { one: "1 anmälan", other: "{n} anmälningar" },
    pictures: "I diagram",
    perMonthTitle: "Anmälningar och deltagande per månad",
    perMonthSummary: "{months} från {from} till {to}: {registrations}, {attended} deltog.",
    months: { one: "1 månad", other: "{n} månader" },
    topTitle: { one: "Organisationen som skickade flest deltagare", other: "De {n} organisationer som skickade flest deltagare" },
    topLine: "{organisation}: {registrations}, {attended} deltog",
    byOrganisation: "Per organisation",
    byPerson: "Per person",
  },
  audit: {
    title: "Logg över ändringar",
    intro: "Varje ändring som görs i arbetsytan, den senaste först. Tiderna är i UTC.",
    actionFilter: "Åtgärder som börjar med",
    actionHint: "t.ex. member. eller registration.promote",
    filter: "Filtrera",
    time: "Tid",
    who: "Vem",
    action: "Åtgärd",
    subject: "Gäller",
    detail: "Detaljer",
    none: "Inga poster.",
    noneFor: "Inga poster för åtgärder som börjar med ”{action}”.",
    older: "Äldre poster",
    /** What each stored action code means; the code is shown under it, for the filter. */
    actions: {
      "event.create": "Evenemang skapat",
      "event.update": "Evenemang ändrat",
      "event.cancel": "Evenemang inställt",
      "event.message": "Meddelande till deltagarna",
      "export.attendees": "Deltagarlista exporterad",
      "export.report": "Rapport exporterad",
      "mail.resend": "E-post skickad igen",
      "member.create": "Medlem tillagd",
      "member.password": "Lösenord ändrat",
      "member.role": "Roll ändrad",
      "member.remove": "Medlem borttagen",
      "member.restore": "Medlem tillbaka",
      "organisation.update": "Inställningar ändrade",
      "person.export": "Personuppgifter nedladdade",
      "person.erase": "Personuppgifter raderade",
      "registration.add": "Deltagare tillagd",
      "registration.cancel": "Anmälan avbokad",
      "registration.promote": "Flyttad från väntelistan",
      "registration.offer_extend": "Erbjudande om plats förlängt",
      "registration.offer_withdraw": "Erbjudande om plats återkallat",
      "registration.resend": "Bekräftelse skickad igen",
      "registration.check_in": "Incheckad",
      "registration.check_in_undo": "Incheckning ångrad",
      "token.create": "API-nyckel skapad",
      "token.revoke": "API-nyckel återkallad",
    } as Record<string, string>,
    subjects: {
      event: "evenemang",
      registration: "anmälan",
      person: "person",
      user: "medlem",
      organisation: "organisation",
      token: "API-nyckel",
    } as Record<string, string>,
  },
  privacy: recordsPrivacy,
  exports: recordsExports,
};
