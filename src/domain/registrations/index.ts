// The public surface of registrations: routes, pages and other domains import from here only.
export * from "./registrationView";
export * from "./pages";
export * from "./searchText";
