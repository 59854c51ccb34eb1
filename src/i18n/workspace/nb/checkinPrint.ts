import type { checkinPrint as sv } from "../sv/checkinPrint";

export const checkinPrint: typeof sv = {
  print: {
    title: "Utskrift: {event}",
    back: "Tilbake til deltakerlisten",
    howTo: "Skriv ut listen eller lagre den som PDF med nettleserens utskrift (Ctrl+P, eller Cmd+P på Mac).",
    count: { one: "{count} bekreftet deltaker", other: "{count} bekreftede deltakere" },
    nobody: "Ingen har fått bekreftet plass ennå.",
    number: "Nr.",
    name: "Navn",
    organisation: "Organisasjon",
    signature: "Underskrift",
  },
  badges: {
    title: "Navneskilt: {event}",
    heading: "Navneskilt",
    back: "Tilbake til deltakerlisten",
    nobody: "Ingen har fått bekreftet plass ennå.",
    badges: { one: "{count} navneskilt", other: "{count} navneskilt" },
    sheets: { one: "{count} A4-ark", other: "{count} A4-ark" },
    layout: "{badges} på {sheets} med {perSheet} etiketter (2 × 4, ca. 99 × 67 mm). Skriv ut i 100 % (ikke «tilpass til siden») med nettleserens utskrift.",
  },
};
