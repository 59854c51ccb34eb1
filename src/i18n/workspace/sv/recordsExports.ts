/**
 * The downloaded files: the attendance list and the participation reports, their column
 * headers, the words in their cells, their sheet names and file names.
 */
export const recordsExports = {
  attendance: {
    columns: {
      name: "Namn",
      email: "E-post",
      organisation: "Organisation",
      phone: "Telefon",
      status: "Status",
      position: "Plats på väntelistan",
      signedUp: "Anmäld",
      checkedIn: "Incheckad",
      addedByHand: "Tillagd av arrangör",
      overCapacity: "Utöver antal platser",
      language: "Språk",
      consent: "Samtycke",
    },
    /** The sheet's name when nothing of the event's title can name it. */
    sheet: "Deltagare",
    /** `<event-slug>-<file>-<date>`. */
    file: "deltagare",
  },
  /** A registration's status, in a file and on the personal-data page. */
  statuses: {
    confirmed: "Bekräftad",
    offered: "Erbjuden plats",
    waitlisted: "På väntelistan",
    cancelled: "Avbokad",
    expired: "Erbjudandet gick ut",
    pending: "Ansökan väntar",
    declined: "Avböjd",
  },
  yes: "Ja",
  no: "Nej",
  report: {
    columns: {
      organisation: "Organisation",
      people: "Personer",
      registrations: "Anmälningar",
      confirmed: "Bekräftade",
      attended: "Deltog",
      events: "Evenemang",
      name: "Namn",
      email: "E-post",
      eventsConfirmed: "Evenemang med bekräftad plats",
      eventsAttended: "Evenemang personen deltog i",
    },
    sheets: { organisations: "Organisationer", people: "Personer" },
    /** `<file>-<from>-<to>-<to date>`. */
    files: { organisations: "deltagande-organisationer", people: "deltagande-personer" },
    fileTo: "till",
    total: "Totalt",
    totalPeople: { one: "Totalt: {n} person", other: "Totalt: {n} personer" },
    noOrganisation: "(ingen organisation)",
    events: { one: "1 evenemang", other: "{n} evenemang" },
    period: "Period: {from} till {to}; {events} (inställda evenemang räknas inte).",
    anonymised: "Anonymiserade anmälningar ({events} efter lagringstiden; {where}): {registrations}, varav {confirmed} bekräftade och {attended} deltog",
    anonymisedWhere: {
      organisations: "med i raden Totalt, inte i någon organisations rad",
      people: "inte med i raderna eller summan ovan",
    },
    cancelled: "Avbokade anmälningar (räknas inte ovan): {n}",
  },
};
