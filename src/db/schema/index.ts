export * from "./organisations";
export * from "./events";
export * from "./registrations";
export * from "./outbox";
export * from "./accounts";
export * from "./limits";
export * from "./notifications";
export * from "./programme";
