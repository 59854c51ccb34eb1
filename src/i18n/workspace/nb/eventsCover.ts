import type { eventsCover as sv } from "../sv/eventsCover";

/** An event's cover image: its own page, linked from the event form. */
export const eventsCover: typeof sv = {
  title: "Forsidebilde: {event}",
  heading: "Forsidebilde",
  intro: "Vises øverst på arrangementssiden. Valgfritt.",
  current: "Nåværende forsidebilde",
  none: "Ingen forsidebilde ennå.",
  file: "Bildefil",
  fileHint: "PNG, JPEG eller WebP, høyst {kib} kB, minst {minWidth} og høyst {maxSide} piksler. Best blir et liggende bilde på 1600 × 900 piksler.",
  alt: "Alternativ tekst",
  altHint: "Beskriv bildet for den som ikke ser det. La feltet stå tomt, så brukes navnet på arrangementet.",
  upload: "Last opp forsidebildet",
  save: "Lagre",
  remove: "Fjern forsidebildet",
  uploaded: "Forsidebildet er lagret.",
  removed: "Forsidebildet er fjernet.",
  link: "Forsidebilde",
  linkHint: "Legg til, bytt eller fjern bildet øverst på arrangementssiden.",
  back: "Tilbake til arrangementet",
};
