// The public surface of signup: routes, pages and other domains import from here only.
export * from "./answerOffer";
export * from "./answers";
export * from "./cancelRegistration";
export * from "./eraseRegistration";
export * from "./exportRegistration";
export * from "./manageLink";
export * from "./register";
export * from "./receipt";
export * from "./signupRules";
export * from "./substituteRegistration";
export * from "./updateRegistration";
export * from "./lostLink";
export * from "./changeChoices";
