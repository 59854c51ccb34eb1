import { simple } from "./layout";

export default simple((t) => t.session_changed);
