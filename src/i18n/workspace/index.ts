import type { Language } from "../../db/schema";
import { en } from "./en";
import { nb } from "./nb";
import { sv } from "./sv";

/** Every string the workspace shows (pages, printed lists, exports' headers), per language. `sv` is the reference. */
export type WorkspaceMessages = typeof sv;

const catalogue: Record<Language, WorkspaceMessages> = { sv, nb, en };
export const workspaceMessages = (language: Language): WorkspaceMessages => catalogue[language] ?? sv;
