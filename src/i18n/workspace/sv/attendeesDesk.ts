/** The list at the desk: the row menu, the column chooser, actions on the rows ticked, and finding a person in every event. */
export const attendeesDesk = {
  menu: {
    summary: "Åtgärder",
    label: "Åtgärder för {name}",
  },
  chooser: {
    summary: "Kolumner",
    legend: "Visa kolumnerna",
    answers: "Svar på frågorna",
    apply: "Visa",
    standard: "Standardkolumner",
  },
  bulk: {
    label: "Med de markerade",
    selectAll: "Markera alla på sidan",
    select: "Markera {name}",
    message: "Skicka meddelande…",
    cancel: "Avboka…",
    checkIn: "Checka in",
    csv: "Exportera CSV",
    excel: "Exportera Excel",
  },
  /** A second sentence after a notice, when some of the ticked rows were left alone. */
  skipped: {
    "cancelled-selected": "Redan avbokade, oförändrade: {people}.",
    "checked-in-selected": "Inte incheckade (redan incheckade eller utan plats): {people}.",
  },
  cancelSelected: {
    title: "Avboka markerade anmälningar",
    heading: "Avboka anmälan för {people}?",
    text: "Var och en får besked med mejl, kalenderinbjudan dras tillbaka och platserna som blir lediga går direkt till de första på väntelistan.",
    already: "Redan avbokade, de lämnas som de är:",
    nothing: "Alla markerade är redan avbokade.",
    submit: "Avboka {people}",
    keep: "Behåll anmälningarna",
  },
  messageTo: "De markerade deltagarna ({people})",
  finder: {
    title: "Sök deltagare",
    heading: "Sök deltagare i alla evenemang",
    query: "Namn, e-post eller organisation",
    submit: "Sök",
    hint: "Söker i alla organisationens evenemang, även avbokade anmälningar. Evenemang vars personuppgifter har tagits bort syns inte.",
    count: { one: "{n} träff", other: "{n} träffar" },
    noMatch: "Ingen matchar ”{q}”.",
    showing: " · visar {from}–{to}",
    columns: { event: "Evenemang", date: "Datum" },
    open: "Visa i listan",
    openLabel: "Visa {name} i deltagarlistan för {event}",
  },
};
