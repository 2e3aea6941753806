// Forking, as the fork dialog and the server both word it: the title a fork gets unless the forker
// types another, and why a copy of a paid prompt stays private.
import { TITLE_MAX_LENGTH } from "./prompt-fields";

const FORK_SUFFIX = " (fork)";

/** "<title> (fork)", cut so it still fits a title. */
export function defaultForkTitle(title: string) {
  return `${title.slice(0, TITLE_MAX_LENGTH - FORK_SUFFIX.length).trimEnd()}${FORK_SUFFIX}`;
}

/** Why a copy of paid content stays private (the API's refusal and the fork dialog's note). */
export const PAID_FORK_PRIVATE_REASON = "Forks of a paid prompt stay private: the license covers your own use, not sharing its body.";
