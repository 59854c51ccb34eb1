/** Filled as the attendees pages are translated. */
export const attendees = {};
