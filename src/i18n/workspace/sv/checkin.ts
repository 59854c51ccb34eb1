/** Filled as the checkin pages are translated. */
export const checkin = {};
