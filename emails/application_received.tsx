import { simple } from "./layout";

export default simple((t) => t.application_received);
