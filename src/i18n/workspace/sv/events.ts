/** Filled as the events pages are translated. */
export const events = {};
