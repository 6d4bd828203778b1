/**
 * Errors use cases raise for entry points to translate: NotFound → 404 (also for other tenants'
 * IDs, so they are indistinguishable from unknown ones), Conflict → 409 with who did what,
 * Validation → 400 with a message per field. Messages are written for people.
 */
export class NotFoundError extends Error {
  constructor(what = "request") {
    super(`That ${what} was not found, or it is not visible to your account.`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends Error {
  constructor(
    message: string,
    public readonly code: string,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

export class ValidationError extends Error {
  constructor(public readonly fieldErrors: Record<string, string>) {
    super(Object.values(fieldErrors).join(" "));
    this.name = "ValidationError";
  }
}
