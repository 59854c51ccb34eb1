import type { organisationBrand as sv } from "../sv/organisationBrand";

export const organisationBrand: typeof sv = {
  brand: {
    heading: "Profil på sider og i e-post",
    intro: "Vises på arrangementssidene, i det innebygde skjemaet og i all e-post til deltakerne.",
    accentColor: "Profilfarge",
    accentColorHint: "Som #rrggbb, f.eks. #1d4ed8. Brukes på knapper og lenker; teksten justeres slik at den alltid er lesbar. La feltet stå tomt for standardfargen.",
    contactPhone: "Telefonnummer for kontakt",
    contactPhoneHint: "F.eks. +47 62 88 00 00. Vises sammen med e-postadressen for kontakt. La feltet stå tomt hvis dere ikke vil vise noe nummer.",
    footer: "Bunntekst",
    footerHint: "Kort tekst, høyst 280 tegn, f.eks. organisasjonens navn og adresse. Vises nederst på sidene og i e-post.",
    logo: "Logo",
    logoCurrent: "Nåværende logo",
    logoNone: "Ingen logo ennå.",
    logoFile: "Bildefil",
    logoHint: "PNG, JPEG eller WebP, høyst {kib} kB. Vises med organisasjonens navn som alternativ tekst.",
    upload: "Last opp logoen",
    replace: "Bytt logo",
    remove: "Fjern logoen",
    uploaded: "Logoen er lastet opp.",
    removed: "Logoen er fjernet.",
  },
};
