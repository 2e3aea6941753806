// The response headers of a rate-limited surface (the tRPC API, the capture proxy): RateLimit-Limit,
// -Remaining, -Reset (seconds until the window ends) and -Policy (the IETF draft's names, as
// GitHub-style clients read them), plus Retry-After when the call was refused.
export type RateLimitState = { allowed: boolean; limit: number; remaining: number; resetMs: number };

export function rateLimitHeaders(state: RateLimitState, windowSeconds = 60): Record<string, string> {
  const reset = String(Math.max(1, Math.ceil(state.resetMs / 1000)));
  const headers: Record<string, string> = {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(Math.max(0, state.remaining)),
    "ratelimit-reset": reset,
    "ratelimit-policy": `${state.limit};w=${windowSeconds}`,
  };
  if (!state.allowed) headers["retry-after"] = reset;
  return headers;
}

export const rateLimitedMessage = (state: RateLimitState) =>
  `Rate limit exceeded: ${state.limit} requests per minute. Try again in ${Math.max(1, Math.ceil(state.resetMs / 1000))} s.`;
