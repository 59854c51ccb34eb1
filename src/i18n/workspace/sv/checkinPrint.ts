/** What is printed for the door: the list people sign and the name badges. */
export const checkinPrint = {
  print: {
    title: "Utskrift: {event}",
    back: "Tillbaka till deltagarlistan",
    howTo: "Skriv ut listan eller spara den som PDF med webbläsarens utskrift (Ctrl+P, eller Cmd+P på Mac).",
    count: { one: "{count} bekräftad deltagare", other: "{count} bekräftade deltagare" },
    nobody: "Ingen har fått en bekräftad plats än.",
    number: "Nr",
    name: "Namn",
    organisation: "Organisation",
    signature: "Namnteckning",
  },
  badges: {
    title: "Namnbrickor: {event}",
    heading: "Namnbrickor",
    back: "Tillbaka till deltagarlistan",
    nobody: "Ingen har fått en bekräftad plats än.",
    badges: { one: "{count} namnbricka", other: "{count} namnbrickor" },
    sheets: { one: "{count} A4-ark", other: "{count} A4-ark" },
    layout: "{badges} på {sheets} med {perSheet} etiketter (2 × 4, ca 99 × 67 mm). Skriv ut i 100 % (inte ”anpassa till sidan”) med webbläsarens utskrift.",
  },
};
