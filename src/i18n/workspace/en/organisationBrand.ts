import type { organisationBrand as sv } from "../sv/organisationBrand";

export const organisationBrand: typeof sv = {
  brand: {
    heading: "Branding on pages and in email",
    intro: "Shown on the event pages, in the embedded form and in every email to attendees.",
    accentColor: "Accent colour",
    accentColorHint: "As #rrggbb, e.g. #1d4ed8. Used for buttons and links; text is adjusted so that it always stays readable. Leave blank for the default colour.",
    contactPhone: "Contact phone number",
    contactPhoneHint: "E.g. +46 455 12 34 56. Shown with the contact email address. Leave blank to show no number.",
    footer: "Footer",
    footerHint: "A short text, at most 280 characters, such as the organisation's name and address. Shown at the bottom of the pages and in email.",
    logo: "Logo",
    logoCurrent: "Current logo",
    logoNone: "No logo yet.",
    logoFile: "Image file",
    logoHint: "PNG, JPEG or WebP, at most {kib} KB. Shown with the organisation's name as its alternative text.",
    upload: "Upload the logo",
    replace: "Replace the logo",
    remove: "Remove the logo",
    uploaded: "The logo is uploaded.",
    removed: "The logo is removed.",
  },
};
