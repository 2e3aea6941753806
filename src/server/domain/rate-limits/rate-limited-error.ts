// A call refused by a rate limit: 429, with the limit's state for the RateLimit-* and Retry-After headers.
import { rateLimitedMessage, type RateLimitState } from "@/server/http/rate-limit-headers";
import { DomainError } from "../errors";

export class RateLimitedError extends DomainError {
  constructor(readonly state: RateLimitState) {
    super(rateLimitedMessage(state), 429);
  }
}
