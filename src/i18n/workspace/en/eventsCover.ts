import type { eventsCover as sv } from "../sv/eventsCover";

/** An event's cover image: its own page, linked from the event form. */
export const eventsCover: typeof sv = {
  title: "Cover image: {event}",
  heading: "Cover image",
  intro: "Shown at the top of the event page. Optional.",
  current: "Current cover image",
  none: "No cover image yet.",
  file: "Image file",
  fileHint: "PNG, JPEG or WebP, at most {kib} KB, at least {minWidth} and at most {maxSide} pixels. A landscape image of 1600 × 900 pixels works best.",
  alt: "Alternative text",
  altHint: "Describe the image for people who cannot see it. Leave it empty to use the event's name.",
  upload: "Upload the cover image",
  save: "Save",
  remove: "Remove the cover image",
  uploaded: "The cover image is saved.",
  removed: "The cover image is removed.",
  link: "Cover image",
  linkHint: "Add, replace or remove the image at the top of the event page.",
  back: "Back to the event",
};
