/** The cookie that remembers a dismissed first-steps panel (read by the home page, set by the panel). */
export const FIRST_STEPS_COOKIE = "pq_first_steps";
export const FIRST_STEPS_DISMISSED = "dismissed";
