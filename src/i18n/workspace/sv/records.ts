/** Filled as the records pages are translated. */
export const records = {};
