import "server-only";
import { AuthorizationError } from "@/lib/auth/authorize";
import { ReauthenticationRequired } from "@/lib/auth/delegated-token";
import { isAzureError } from "@/lib/azure";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/connections/errors";
import { logger } from "@/lib/log/logger";

/**
 * What server actions and route handlers return for a failed use case: a status, a message for
 * people, and per-field messages for forms. Unexpected errors are logged with the request id and
 * shown as a generic message with that id, never with internals.
 */
export type ActionError = { ok: false; status: number; message: string; fieldErrors?: Record<string, string>; code?: string };

export function toActionError(err: unknown, requestId: string): ActionError {
  if (err instanceof ValidationError) return { ok: false, status: 400, message: "Check the highlighted fields.", fieldErrors: err.fieldErrors };
  if (err instanceof NotFoundError) return { ok: false, status: 404, message: err.message };
  if (err instanceof ConflictError) return { ok: false, status: 409, message: err.message, code: err.code };
  if (ReauthenticationRequired.is(err)) return { ok: false, status: 401, message: (err as Error).message, code: "reauthenticate" };
  if (err instanceof AuthorizationError) return { ok: false, status: err.kind === "unauthenticated" ? 401 : 403, message: err.message };
  if (isAzureError(err)) {
    logger.warn({ requestId, azure: err.toJSON?.() ?? { code: err.code, status: err.status } }, "Azure refused an operation");
    return { ok: false, status: err.status && err.status < 500 ? 400 : 502, message: err.userMessage, code: err.code };
  }
  logger.error({ requestId, err }, "unexpected error in an action");
  return { ok: false, status: 500, message: `Something went wrong on our side. Try again; if it keeps happening, quote reference ${requestId}.` };
}
