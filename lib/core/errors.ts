/**
 * The one error family of the use cases. Each error carries a kind (which decides the HTTP status
 * at the edge), a code (machine-readable, stable) and a message written for people. Entry points
 * never pick statuses themselves: lib/core/error-answer.ts maps any thrown value to one answer.
 *
 * Errors are recognised by a brand, not only by class: Next.js bundles the server's
 * instrumentation (which owns the shared services and worker) apart from the routes, so one class
 * can exist twice in a process and instanceof alone would miss errors crossing between them.
 */
export const ERROR_STATUS = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
} as const;
export type ErrorKind = keyof typeof ERROR_STATUS;

const BRAND = Symbol.for("crosslink.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly code: string = kind,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }
}

/** True for an AppError made by any copy of this module (see above). */
export function isAppError(err: unknown): err is AppError {
  return typeof err === "object" && err !== null && (err as { [BRAND]?: unknown })[BRAND] === true;
}

/** Bad input: a message per field ("form" for the input as a whole). Nothing was changed. */
export class ValidationError extends AppError {
  declare readonly fieldErrors: Record<string, string>;

  constructor(fieldErrors: Record<string, string>) {
    super("validation", Object.values(fieldErrors).join(" "), "validation", fieldErrors);
    this.name = "ValidationError";
  }
}

/** Unknown, malformed and other tenants' IDs alike, so a foreign ID reveals nothing. */
export class NotFoundError extends AppError {
  constructor(what = "request") {
    super("not_found", `That ${what} was not found, or it is not visible to your account.`);
    this.name = "NotFoundError";
  }
}

/** The request's state or version refuses the change; the message says who did what. */
export class ConflictError extends AppError {
  constructor(message: string, code: string) {
    super("conflict", message, code);
    this.name = "ConflictError";
  }
}
