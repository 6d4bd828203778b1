import { z } from "zod";
import { NotFoundError, ValidationError } from "./errors";

/**
 * The one way a use case reads its input: parse with the schema, or refuse with a message per
 * field (keyed by the first path segment, "form" for the input as a whole). Only the first
 * message per field is kept: one thing to fix at a time, next to its field.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fields[field] ??= issue.message;
  }
  return fields;
}

const idSchema = z.string().trim().min(1).max(64);

/**
 * An ID from a URL or a form, for a lookup: a malformed one is simply unknown (404), like an
 * unknown or another tenant's ID, never a validation error page.
 */
export function idOrNotFound(raw: unknown, what = "request"): string {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new NotFoundError(what);
  return parsed.data;
}
