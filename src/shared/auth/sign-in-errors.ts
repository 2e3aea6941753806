// What the sign-in form says when a password sign-in fails. The server answers with an Auth.js
// error code (a CredentialsSignin subclass's `code`, see server/auth/config.ts); the form and the
// sign-in page turn it into words here. Neither message says whether the account exists.

export const WRONG_CREDENTIALS_MESSAGE = "Wrong email or password.";

const THROTTLED_PREFIX = "too_many_attempts_";

/** Whole minutes left, at least 1. */
export const minutesLeft = (retryAfterMs: number) => Math.max(1, Math.ceil(retryAfterMs / 60_000));

export const tooManyAttemptsMessage = (minutes: number) => `Too many sign-in attempts; try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;

/** The code a throttled sign-in carries: "too_many_attempts_<minutes>". */
export const throttledSignInCode = (retryAfterMs: number) => `${THROTTLED_PREFIX}${minutesLeft(retryAfterMs)}`;

export const SIGN_IN_UNAVAILABLE_MESSAGE = "Sign-in is not available right now (something went wrong on our side). Please try again in a moment.";

/**
 * The message for a failed password sign-in: Auth.js's error type ("CredentialsSignin" when
 * authorize() refused; anything else, such as "Configuration", when it failed, e.g. the database
 * is down) and its code ("credentials": wrong email or password; or our throttling code).
 */
export function signInErrorMessage(error: string | null | undefined, code: string | null | undefined): string {
  if (error && error !== "CredentialsSignin") return SIGN_IN_UNAVAILABLE_MESSAGE;
  if (code?.startsWith(THROTTLED_PREFIX)) {
    const minutes = Number(code.slice(THROTTLED_PREFIX.length));
    if (Number.isInteger(minutes) && minutes > 0 && minutes < 10_000) return tooManyAttemptsMessage(minutes);
  }
  return WRONG_CREDENTIALS_MESSAGE;
}
