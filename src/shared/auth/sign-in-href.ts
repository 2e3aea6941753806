/** The sign-in page, bringing the person back to `callbackUrl` (a same-site path, query allowed) afterwards. */
export const signInHref = (callbackUrl: string) => `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`;
