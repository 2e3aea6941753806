// Typed domain errors carrying an HTTP status; one tRPC middleware and one route-handler helper map them.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 429 | 502,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super(message, 400, fieldErrors);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = "Sign in to do that.") {
    super(message, 401);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "You are not allowed to do that.") {
    super(message, 403);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(`${what} not found.`, 404);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string, fieldErrors?: FieldErrors) {
    super(message, 409, fieldErrors);
  }
}
/** A service we depend on (Stripe, a model provider) failed; the message says which and why. */
export class UpstreamError extends DomainError {
  constructor(message: string) {
    super(message, 502);
  }
}
