/** Filled as the organisation pages are translated. */
export const organisation = {};
